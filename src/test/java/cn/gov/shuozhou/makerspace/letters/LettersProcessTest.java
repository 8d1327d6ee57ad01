package cn.gov.shuozhou.makerspace.letters;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.SUPPLEMENT_WORKING_DAYS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.Certification;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each letter is issued by its step: the process runs the real models, then the letter is read
 * back from {@code ms_letter}, its text extracted from the PDF and compared with the expected
 * wording, its font checked to be an embedded subset, and its stored hash checked against its bytes.
 */
class LettersProcessTest extends AbstractProcessTest {

  private static final String OPERATOR_ORG = "朔州创新创业服务有限公司";

  @Autowired LetterArchive archive;
  @Autowired CertificateRegistry certificates;
  @Autowired BanRegistry bans;

  // ---------------------------------------------------------------- certification

  @Test
  void anAcceptedApplicationGetsItsReceiptAndACertifiedOneItsNoticeAndCertificate() throws Exception {
    ProcessInstance pi = apply(Applications.valid("shuocheng"));
    String n = pi.getBusinessKey();
    LetterSummary receipt = only(n, LetterKind.ACCEPTANCE_RECEIPT);
    assertThat(receipt.documentNumber()).matches("朔科创字〔2026〕\\d+号");
    assertThat(receipt.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertText(receipt, List.of(
        "贵单位提交的“朔城创客之家”朔州市众创空间认定申请收悉，申请材料齐全。经审查，本局决定予以受理，申请编号为" + n + "。",
        "本局将依照《朔州市众创空间认定和管理办法》第五条规定的程序组织初审、实地考察和专家评审，经研究并网上公示后作出认定决定。"
            + "办理进度可在“我的申请”中查询。"));

    passToPublicNotice(pi);
    finishNotice(pi);
    String number = (String) variable(pi.getId(), CERTIFICATE_NUMBER);
    Certificate cert = certificates.find(number).orElseThrow();
    LetterSummary notice = only(n, LetterKind.CERTIFICATION_NOTICE);
    assertThat(notice.certificateNumber()).isEqualTo(number);
    assertText(notice, List.of(
        "贵单位运营的“朔城创客之家”（申请编号：" + n + "），经初审、实地考察、专家评审和本局研究，并经网上公示，"
            + "符合《朔州市众创空间认定和管理办法》第四条规定的条件。依据第五条第（三）项，本局决定认定其为朔州市众创空间。",
        "证书编号：" + number + "，有效期自" + Dates.chinese(cert.certifiedOn()) + "至" + Dates.chinese(cert.validUntil())
            + "（第十一条）。",
        "请按照第七条的规定，于每年年底提交年度工作报告和下一年度工作计划，并接受年度考核（第八条）。"
            + "证书可在“我的申请”和众创空间名录中下载，扫描证书上的二维码可查验证书状态。"));

    LetterSummary certificate = only(n, LetterKind.CERTIFICATE);
    assertThat(certificate.documentNumber()).isEqualTo(number);
    assertThat(archive.certificate(number)).contains(certificate);
    byte[] pdf = archive.pdf(certificate.id());
    assertThat(LetterIssuer.sha256(pdf)).isEqualTo(certificate.sha256());
    LetterText.assertFontsEmbeddedAsSubsets(pdf);
    assertThat(LetterText.of(pdf)).isEqualTo(LetterText.squeeze("朔州市众创空间证书"
        + OPERATOR_ORG + "运营的“朔城创客之家”，经审核，符合《朔州市众创空间认定和管理办法》规定的条件，认定为朔州市众创空间。"
        + "证书编号：" + number + "空间名称：朔城创客之家运营机构：" + OPERATOR_ORG + "空间地址：朔州市朔城区民福街1号"
        + "认定日期：" + Dates.chinese(cert.certifiedOn()) + "有效期至：" + Dates.chinese(cert.validUntil())
        + "扫码查验证书状态朔州市科学技术局" + Dates.chinese(cert.certifiedOn())));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4 landscape").isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
    }
    assertThat(qrCodeOf(pdf)).isEqualTo("http://localhost:8080/public/verify?number=" + number);
    assertThat(LetterText.renderPng(pdf, "certificate")).as("ink on the page").isGreaterThan(0.003);
  }

  @Test
  void aSupplementNoticeListsEachUnmetConditionWithItsArticle() {
    Map<String, Object> small = Applications.valid("shuocheng");
    small.put(TOTAL_AREA, 150.0);
    small.put(PUBLIC_SERVICE_AREA, 140.0);
    small.put(MENTOR_COUNT, 2);
    ProcessInstance pi = apply(small);
    runDueJobs(pi.getId()); // the task supplementApplication is created after the async boundary
    String findings = (String) runtime.getVariable(pi.getId(), ELIGIBILITY_FINDINGS_TEXT);
    List<String> lines = findings.lines().toList();
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("第四条"));
    // 10 working days from Monday 2 March 2026
    LetterSummary letter = only(pi.getBusinessKey(), LetterKind.SUPPLEMENT_NOTICE);
    assertText(letter, List.of(
        "贵单位申请认定的“朔城创客之家”（申请编号：" + pi.getBusinessKey() + "），经审查，申请材料存在以下需要补正的事项：",
        "1. " + lines.get(0), "2. " + lines.get(1),
        "请于2026年3月16日前（含当日）登录本系统“我的申请”页面补正申请材料，也可以撤回申请；逾期未补正的，申请失效。"));
    assertThat(LetterText.renderPng(archive.pdf(letter.id()), "letter-supplement-notice")).as("ink on the page")
        .isGreaterThan(0.003);
  }

  /** 补正 comes before 受理: the receipt is issued once the application is complete, and only once. */
  @Test
  void theReceiptComesWhenTheApplicationIsCompleteAndOnlyOnce() {
    ProcessInstance pi = returnedForSupplement();
    assertThat(archive.ofApplication(pi.getBusinessKey())).extracting(LetterSummary::kind)
        .as("asked to supplement: not accepted yet").doesNotContain(LetterKind.ACCEPTANCE_RECEIPT);
    Map<String, Object> corrected = new HashMap<>(runtime.getVariables(pi.getId(), APPLICATION_FIELDS));
    corrected.put(TOTAL_AREA, 260.0);
    corrected.put(PUBLIC_SERVICE_AREA, 240.0);
    complete(pi.getId(), TASK_SUPPLEMENT, corrected);
    only(pi.getBusinessKey(), LetterKind.ACCEPTANCE_RECEIPT);

    // the first review returns it and it is supplemented again: accepted already, no second receipt
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "return", FIRST_REVIEW_COMMENT, "请补充租赁合同"));
    runDueJobs(pi.getId());
    complete(pi.getId(), TASK_SUPPLEMENT, corrected);
    assertThat(task(pi.getId(), TASK_FIRST_REVIEW)).isNotNull();
    only(pi.getBusinessKey(), LetterKind.ACCEPTANCE_RECEIPT);
  }

  @Test
  void aWithdrawnApplicationGetsANoticeOfTermination() {
    ProcessInstance pi = returnedForSupplement();
    complete(pi.getId(), TASK_SUPPLEMENT, Map.of(WITHDRAWN, true));
    assertThat(variable(pi.getId(), OUTCOME)).isEqualTo("WITHDRAWN");
    assertText(only(pi.getBusinessKey(), LetterKind.TERMINATION_NOTICE), List.of(
        "贵单位申请认定的“朔城创客之家”（申请编号：" + pi.getBusinessKey() + "），因申请人撤回申请，本局决定终止办理。",
        "终止办理后，贵单位仍可依照《朔州市众创空间认定和管理办法》第四条、第五条的规定重新提出认定申请。"));
  }

  @Test
  void aLapsedApplicationGetsANoticeOfTerminationWithTheRightOfAppeal() {
    ProcessInstance pi = returnedForSupplement();
    int days = Policy.ofValue(variable(pi.getId(), POLICY)).number(SUPPLEMENT_WORKING_DAYS);
    Job deadline = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 1000));
    runDueJobs(pi.getId());
    assertThat(variable(pi.getId(), OUTCOME)).isEqualTo("LAPSED");
    LetterSummary letter = only(pi.getBusinessKey(), LetterKind.TERMINATION_NOTICE);
    assertThat(letter.issuedOn()).as("the day the deadline passed").isEqualTo(EngineClock.today());
    assertText(letter, List.of(
        "贵单位申请认定的“朔城创客之家”（申请编号：" + pi.getBusinessKey() + "），因未在" + days
            + "个工作日内补正申请材料，申请失效，本局决定终止办理。",
        "终止办理后，贵单位仍可依照《朔州市众创空间认定和管理办法》第四条、第五条的规定重新提出认定申请。",
        LetterSteps.APPEAL));
  }

  @Test
  void aBannedOperatorGetsANoticeOfNonAcceptanceNamingArticle9() {
    Map<String, Object> app = Applications.valid("shuocheng");
    bans.ban((String) app.get(CREDIT_CODE), LocalDate.of(2026, 1, 5), LocalDate.of(2028, 1, 5), "测试：虚假材料",
        "SQ-2026-TEST-" + app.get(CREDIT_CODE));
    ProcessInstance pi = apply(app);
    String reason = (String) variable(pi.getId(), OUTCOME_REASON);
    assertThat(reason).contains("第九条");
    assertThat(archive.ofApplication(pi.getBusinessKey())).extracting(LetterSummary::kind)
        .containsExactly(LetterKind.NOT_ACCEPTED_NOTICE);
    assertText(only(pi.getBusinessKey(), LetterKind.NOT_ACCEPTED_NOTICE), List.of(
        "贵单位提交的“朔城创客之家”朔州市众创空间认定申请（申请编号：" + pi.getBusinessKey() + "），经审查，本局决定不予受理。",
        "理由：" + reason + "。", LetterSteps.APPEAL));
  }

  @Test
  void aRejectionGivesTheReasonsAndTheArticle() {
    ProcessInstance pi = apply(Applications.valid("shuocheng"));
    passToBureau(pi);
    complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "reject", BUREAU_COMMENT, "服务能力不足"));
    assertText(only(pi.getBusinessKey(), LetterKind.REJECTION_NOTICE), List.of(
        "贵单位申请认定的“朔城创客之家”（申请编号：" + pi.getBusinessKey() + "），依据《朔州市众创空间认定和管理办法》第五条第（三）项，"
            + "本局决定不予认定为朔州市众创空间。",
        "理由：经市科技局研究，不予认定：服务能力不足。", LetterSteps.APPEAL));
  }

  // ---------------------------------------------------------------- supervision and the hearing

  @Test
  void anUnqualifiedYearBringsTheResultTheOrderTheNoticeAndTheRevocationDecision() {
    String applicationNumber = "SQ-LETTERS-" + UUID.randomUUID();
    String cert = supervised(applicationNumber);
    String id = runtime.createProcessInstanceQuery().processInstanceBusinessKey(cert).singleResult().getId();
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
    runDueJobs(id);
    complete(id, SupervisionProcess.TASK_SUBMIT_REPORT, unqualifiedReport());
    runDueJobs(id);
    Task assessment = task(id, SupervisionProcess.TASK_ASSESSMENT);
    Number score = (Number) tasks.getVariable(assessment.getId(), SupervisionProcess.ASSESSMENT_SCORE);
    tasks.complete(assessment.getId(), Map.of(SupervisionProcess.REPORT_CONFIRMED, true,
        SupervisionProcess.ASSESSMENT_COMMENT, "各项指标均未达到要求"));
    runDueJobs(id);

    assertText(only(applicationNumber, LetterKind.ASSESSMENT_RESULT), List.of(
        "贵单位运营的“朔城创客之家”（证书编号：" + cert + "）2026年度考核结果如下：考核得分"
            + ReadableValues.number(score.doubleValue()) + "分，考核等级为不合格。",
        "考核意见：各项指标均未达到要求", "依据第八条，考核不合格的限期整改，整改通知书另行送达。"));

    Task rectify = task(id, SupervisionProcess.TASK_RECTIFY);
    String reason = (String) tasks.getVariable(rectify.getId(), SupervisionProcess.RECTIFICATION_REASON);
    LocalDate deadline = LocalDate.parse((String) tasks.getVariable(rectify.getId(), SupervisionProcess.RECTIFICATION_DEADLINE));
    assertText(only(applicationNumber, LetterKind.RECTIFICATION_ORDER), List.of(
        "贵单位运营的“朔城创客之家”（证书编号：" + cert + "）存在以下情形：" + reason + "。",
        "依据《朔州市众创空间认定和管理办法》第八条、第十条，本局责令限期整改。请于" + Dates.chinese(deadline)
            + "前（含当日）完成整改，并登录本系统“我的申请”页面提交整改报告。",
        "整改仍不合格或逾期未整改的，将依照第八条取消朔州市众创空间称号。"));

    tasks.complete(rectify.getId(), Map.of(SupervisionProcess.RECTIFICATION_REPORT, "已调整运营团队"));
    complete(id, SupervisionProcess.TASK_REASSESSMENT, Map.of(SupervisionProcess.RECTIFICATION_PASSED, false,
        SupervisionProcess.REASSESSMENT_COMMENT, "入驻团队仍不足"));
    runDueJobs(id);
    LetterSummary notice = only(applicationNumber, LetterKind.SANCTION_NOTICE);
    Task statement = hearingTask(cert, "submitStatement");
    assertText(notice, List.of(
        "本局拟依据《朔州市众创空间认定和管理办法》" + tasks.getVariable(statement.getId(), "proposalArticle")
            + "，对贵单位（“朔城创客之家”）作出如下处理：" + tasks.getVariable(statement.getId(), "proposalDecision") + "。",
        "事实和理由：" + tasks.getVariable(statement.getId(), "proposalFacts") + "。",
        "贵单位有权进行陈述和申辩。请于" + Dates.chinese(EngineClock.toLocalDate(statement.getDueDate()))
            + "前（含当日）登录本系统“我的申请”页面提出陈述和申辩意见；逾期未提出的，视为放弃陈述和申辩的权利。"));

    hearAndApprove(id, cert);
    String outcome = (String) variable(id, SupervisionProcess.OUTCOME_REASON);
    assertThat(outcome).contains("第八条");
    assertText(only(applicationNumber, LetterKind.REVOCATION_DECISION), List.of(
        "贵单位运营的“朔城创客之家”（证书编号：" + cert + "），经本局调查核实并听取陈述申辩，决定如下：" + outcome + "。",
        "自本决定作出之日起，证书" + cert + "失效，不得再以朔州市众创空间名义开展活动。", LetterSteps.APPEAL));
    assertThat(archive.ofApplication(applicationNumber)).extracting(LetterSummary::kind).containsExactly(
        LetterKind.ASSESSMENT_RESULT, LetterKind.RECTIFICATION_ORDER, LetterKind.SANCTION_NOTICE,
        LetterKind.REVOCATION_DECISION);
  }

  // ---------------------------------------------------------------- helpers

  /** The one letter of that kind of the application; its hash matches its bytes. */
  private LetterSummary only(String applicationNumber, LetterKind kind) {
    List<LetterSummary> found = archive.ofApplication(applicationNumber).stream().filter(l -> l.kind() == kind).toList();
    assertThat(found).as("%s of %s", kind, applicationNumber).hasSize(1);
    LetterSummary letter = found.get(0);
    assertThat(LetterIssuer.sha256(archive.pdf(letter.id()))).as("stored hash").isEqualTo(letter.sha256());
    return letter;
  }

  private void assertText(LetterSummary letter, List<String> paragraphs) {
    byte[] pdf = archive.pdf(letter.id());
    LetterText.assertFontsEmbeddedAsSubsets(pdf);
    assertThat(LetterText.of(pdf)).isEqualTo(LetterText.expected(letter, OPERATOR_ORG, paragraphs));
  }

  private static String qrCodeOf(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
      int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
  }

  private ProcessInstance apply(Map<String, Object> application) {
    return file(application);
  }

  /** An application that misses Art. 4 (too small) and waits at 补正申请材料 with its notice issued (no receipt yet). */
  private ProcessInstance returnedForSupplement() {
    Map<String, Object> small = Applications.valid("shuocheng");
    small.put(TOTAL_AREA, 150.0);
    small.put(PUBLIC_SERVICE_AREA, 140.0);
    ProcessInstance pi = apply(small);
    runDueJobs(pi.getId()); // the task supplementApplication is created after the async boundary
    only(pi.getBusinessKey(), LetterKind.SUPPLEMENT_NOTICE);
    return pi;
  }

  private void passToBureau(ProcessInstance pi) {
    complete(pi.getId(), TASK_FIRST_REVIEW, Map.of(FIRST_REVIEW_DECISION, "approve"));
    complete(pi.getId(), TASK_INSPECTION, Applications.inspection(true, false));
    List<String> experts = List.of("expert1", "expert2", "expert3");
    tasks.complete(task(pi.getId(), TASK_ORGANISE_EXPERTS).getId(), Variables.createVariables()
        .putValueTyped(EXPERTS, Variables.objectValue(experts).serializationDataFormat("application/json").create()));
    for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EXPERT_REVIEW).list()) {
      tasks.complete(t.getId(), Map.of(SCORE, 85.0, RECOMMEND, true, COMMENT, "评审意见"));
    }
  }

  private void passToPublicNotice(ProcessInstance pi) {
    passToBureau(pi);
    complete(pi.getId(), TASK_BUREAU_DECISION, Map.of(BUREAU_DECISION, "approve"));
    runDueJobs(pi.getId());
  }

  private void finishNotice(ProcessInstance pi) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    runDueJobs(pi.getId());
  }

  /** A space certified today and under supervision, filed by operator1; returns its certificate number. */
  private String supervised(String applicationNumber) {
    LocalDate today = EngineClock.today();
    Certificate c = certificates.issue(new Certification(applicationNumber, new Space(Applications.newCreditCode(),
        "朔城创客之家", "朔州市朔城区开发北路2号"), OPERATOR_ORG, "shuocheng", "operator1", today,
        today.plusYears(3).minusDays(1), "letters-test"));
    Map<String, Object> v = new HashMap<>();
    v.put(SupervisionProcess.CERTIFICATE_NUMBER, c.certificateNumber());
    v.put(SupervisionProcess.CERTIFIED_ON, EngineClock.startOf(c.certifiedOn()));
    v.put(SupervisionProcess.VALID_UNTIL, EngineClock.startOf(c.validUntil()));
    v.put(SupervisionProcess.CREDIT_CODE, c.creditCode());
    v.put(SupervisionProcess.OPERATOR_NAME, c.operatorName());
    v.put(SupervisionProcess.SPACE_NAME, c.spaceName());
    v.put(SupervisionProcess.COUNTY, c.county());
    v.put(HOST_TYPE, "other");
    v.put(SPACE_FOCUS, "maker");
    v.put(SupervisionProcess.APPLICANT, "operator1");
    v.put(SupervisionProcess.CERTIFICATION_INSTANCE_ID, "letters-test");
    v.put(SupervisionProcess.APPLICATION_NUMBER, applicationNumber);
    runtime.startProcessInstanceByKey(SupervisionProcess.KEY, c.certificateNumber(), v);
    return c.certificateNumber();
  }

  /** A report worth an unqualified grade (see dmn/cases/annual-assessment.json). */
  private static Map<String, Object> unqualifiedReport() {
    Map<String, Object> v = new HashMap<>();
    v.put(SupervisionProcess.TRAINING_SESSIONS, 1);
    v.put(SupervisionProcess.TRAINEES, 10);
    v.put(SupervisionProcess.RESIDENT_MAKERS, 5);
    v.put(SupervisionProcess.RESIDENT_TEAMS, 1);
    v.put(SupervisionProcess.GRADUATED_TEAMS, 0);
    v.put(SupervisionProcess.EVENTS_HELD, 2);
    v.put(SupervisionProcess.FINANCING_AMOUNT, 0.0);
    v.put(SupervisionProcess.REPORT_SUMMARY, "全年开展培训辅导和创业活动，服务入驻创客和团队。");
    v.put(SupervisionProcess.NEXT_YEAR_PLAN, "扩大孵化场地，引进天使投资机构。");
    v.putAll(Applications.spaceStatus());
    return v;
  }
}
