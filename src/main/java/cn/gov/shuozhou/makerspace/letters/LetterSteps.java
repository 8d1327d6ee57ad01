package cn.gov.shuozhou.makerspace.letters;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.SUPPLEMENT_WORKING_DAYS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.ELIGIBILITY_FINDINGS_TEXT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OPERATOR_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OUTCOME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OUTCOME_REASON;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.RETURN_REASON;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_ADDRESS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.certification.Outcome;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.sanction.SanctionHearing;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps' side of the letters, called from the models as execution listeners, e.g.
 * {@code ${letters.acceptance(execution)}}: reads the step's variables, words the letter (Chinese,
 * after the measures) and issues it through {@link LetterIssuer} in the step's transaction.
 */
@Component("letters")
public class LetterSteps {

  static final String MEASURES = "《朔州市众创空间认定和管理办法》";
  static final String APPEAL = "如对本决定不服，可以在收到本文书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。";

  private final LetterIssuer letters;
  private final CertificateRegistry certificates;
  private final WorkingDayCalendar calendar;

  public LetterSteps(LetterIssuer letters, CertificateRegistry certificates, WorkingDayCalendar calendar) {
    this.letters = letters;
    this.certificates = certificates;
    this.calendar = calendar;
  }

  /**
   * 受理回执: the application is complete (the Art. 4 pre-check found nothing, at once or after its
   * supplement) and goes to its first review; once per application. A supplement is asked before
   * acceptance, not after it (行政许可法 第三十二条: 材料不齐全的，一次告知补正).
   */
  public void acceptance(DelegateExecution e) {
    Case c = caseOf(e);
    // once: after a return for supplement the case comes back to its first review, accepted already
    letters.issueOnce(content(c, LetterKind.ACCEPTANCE_RECEIPT,
        "贵单位提交的“" + c.spaceName() + "”朔州市众创空间认定申请收悉，申请材料齐全。"
            + "经审查，本局决定予以受理，申请编号为" + c.applicationNumber() + "。",
        "本局将依照" + MEASURES + "第五条规定的程序组织初审、实地考察和专家评审，经研究并网上公示后作出认定决定。"
            + "办理进度可在“我的申请”中查询。"));
  }

  /**
   * 补正通知书: each unmet Art. 4 condition with its article, or the first reviewer's reasons. Issued
   * when the task {@code supplementApplication} is created, so its deadline is the one of the task's
   * timer (computed at the same moment).
   */
  public void supplement(DelegateTask task) {
    DelegateExecution e = task.getExecution();
    Case c = caseOf(e);
    String findings = text(e, ELIGIBILITY_FINDINGS_TEXT);
    List<String> items = findings == null || findings.isBlank()
        ? List.of(text(e, RETURN_REASON)) : findings.lines().filter(l -> !l.isBlank()).toList();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("贵单位申请认定的“" + c.spaceName() + "”（申请编号：" + c.applicationNumber()
        + "），经审查，申请材料存在以下需要补正的事项：");
    for (int i = 0; i < items.size(); i++) {
      paragraphs.add((i + 1) + ". " + items.get(i));
    }
    Date due = calendar.due(EngineClock.now(), Policy.of(e).number(SUPPLEMENT_WORKING_DAYS));
    paragraphs.add("请于" + Dates.chinese(EngineClock.toLocalDate(due)) + "前（含当日）登录本系统“我的申请”页面补正申请材料，"
        + "也可以撤回申请；逾期未补正的，申请失效。");
    issue(c, LetterKind.SUPPLEMENT_NOTICE, paragraphs.toArray(String[]::new));
  }

  /** 不予受理通知书: a ban (Art. 9) or a duplicate application; the reason is the intake check's. */
  public void notAccepted(DelegateExecution e) {
    Case c = caseOf(e);
    issue(c, LetterKind.NOT_ACCEPTED_NOTICE,
        "贵单位提交的“" + c.spaceName() + "”朔州市众创空间认定申请（申请编号：" + c.applicationNumber()
            + "），经审查，本局决定不予受理。",
        "理由：" + text(e, OUTCOME_REASON) + "。",
        APPEAL);
  }

  /**
   * 终止办理通知书: an application that ends without a decision on its merits, withdrawn by the
   * applicant or lapsed because the supplement deadline passed; the reason is the outcome's. Only a
   * lapse is the bureau's act, so only its letter names the remedies.
   */
  public void termination(DelegateExecution e) {
    Case c = caseOf(e);
    List<String> paragraphs = new ArrayList<>(List.of(
        "贵单位申请认定的“" + c.spaceName() + "”（申请编号：" + c.applicationNumber() + "），因" + text(e, OUTCOME_REASON)
            + "，本局决定终止办理。",
        "终止办理后，贵单位仍可依照" + MEASURES + "第四条、第五条的规定重新提出认定申请。"));
    if (Outcome.LAPSED.name().equals(text(e, OUTCOME))) {
      paragraphs.add(APPEAL);
    }
    issue(c, LetterKind.TERMINATION_NOTICE, paragraphs.toArray(String[]::new));
  }

  /** 不予认定通知书: the outcome's reasons and the article ({@code article}) the decision rests on. */
  public void rejection(DelegateExecution e, String article) {
    Case c = caseOf(e);
    issue(c, LetterKind.REJECTION_NOTICE,
        "贵单位申请认定的“" + c.spaceName() + "”（申请编号：" + c.applicationNumber() + "），依据" + MEASURES + article
            + "，本局决定不予认定为朔州市众创空间。",
        "理由：" + text(e, OUTCOME_REASON) + "。",
        APPEAL);
  }

  /** 认定通知书 and the certificate, when the certificate is issued (Art. 5(3), 11). */
  public void certification(DelegateExecution e) {
    Case c = caseOf(e);
    Certificate cert = certificates.find(text(e, CERTIFICATE_NUMBER)).orElseThrow();
    issue(c.withCertificate(cert.certificateNumber()), LetterKind.CERTIFICATION_NOTICE,
        "贵单位运营的“" + c.spaceName() + "”（申请编号：" + c.applicationNumber() + "），经初审、实地考察、专家评审和本局研究，"
            + "并经网上公示，符合" + MEASURES + "第四条规定的条件。依据第五条第（三）项，本局决定认定其为朔州市众创空间。",
        "证书编号：" + cert.certificateNumber() + "，有效期自" + Dates.chinese(cert.certifiedOn()) + "至"
            + Dates.chinese(cert.validUntil()) + "（第十一条）。",
        "请按照第七条的规定，于每年年底提交年度工作报告和下一年度工作计划，并接受年度考核（第八条）。"
            + "证书可在“我的申请”和众创空间名录中下载，扫描证书上的二维码可查验证书状态。");
    letters.issueCertificate(new CertificateContent(cert.certificateNumber(), cert.spaceName(), cert.operatorName(),
        text(e, SPACE_ADDRESS), cert.certifiedOn(), cert.validUntil()), c.applicationNumber(), cert.creditCode());
  }

  /** 年度考核结果通知书 (Art. 8), when the city bureau has confirmed the assessment. */
  public void assessmentResult(DelegateExecution e) {
    Case c = caseOf(e);
    String grade = text(e, SupervisionProcess.ASSESSMENT_GRADE);
    String consequence = switch (grade) {
      case SupervisionProcess.GRADE_EXCELLENT -> "依据第八条，考核优秀的给予奖励，奖励事项另行通知。";
      case SupervisionProcess.GRADE_UNQUALIFIED -> "依据第八条，考核不合格的限期整改，整改通知书另行送达。";
      default -> "请继续做好众创空间的运营和服务工作。";
    };
    List<String> paragraphs = new ArrayList<>(List.of(
        "贵单位运营的“" + c.spaceName() + "”（证书编号：" + c.certificateNumber() + "）" + text(e, SupervisionProcess.REPORT_YEAR)
            + "年度考核结果如下：考核得分" + ReadableValues.number(((Number) e.getVariable(SupervisionProcess.ASSESSMENT_SCORE)).doubleValue())
            + "分，考核等级为" + ReadableValues.label("assessmentGrade", grade) + "。"));
    String comment = text(e, SupervisionProcess.ASSESSMENT_COMMENT);
    if (comment != null && !comment.isBlank()) {
      paragraphs.add("考核意见：" + comment);
    }
    paragraphs.add(consequence);
    issue(c, LetterKind.ASSESSMENT_RESULT, paragraphs.toArray(String[]::new));
  }

  /** 整改通知书 (Art. 8, 10), when a rectification starts: its reason and deadline. */
  public void rectificationOrder(DelegateExecution e) {
    Case c = caseOf(e);
    issue(c, LetterKind.RECTIFICATION_ORDER,
        "贵单位运营的“" + c.spaceName() + "”（证书编号：" + c.certificateNumber() + "）存在以下情形：" + text(e, SupervisionProcess.RECTIFICATION_REASON) + "。",
        "依据" + MEASURES + "第八条、第十条，本局责令限期整改。请于" + Dates.chinese(LocalDate.parse(
            text(e, SupervisionProcess.RECTIFICATION_DEADLINE))) + "前（含当日）完成整改，并登录本系统“我的申请”页面提交整改报告。",
        "整改仍不合格或逾期未整改的，将依照第八条取消朔州市众创空间称号。");
  }

  /** 告知书 (Art. 8–10): the intended decision, its facts and article, and the right to be heard. */
  public void sanctionNotice(DelegateExecution e) {
    Case c = caseOf(e);
    Date due = (Date) e.getVariable(SanctionHearing.STATEMENT_DUE_AT);
    issue(c, LetterKind.SANCTION_NOTICE,
        "本局拟依据" + MEASURES + text(e, SanctionHearing.PROPOSAL_ARTICLE) + "，对贵单位（“" + c.spaceName()
            + "”）作出如下处理：" + text(e, SanctionHearing.PROPOSAL_DECISION) + "。",
        "事实和理由：" + text(e, SanctionHearing.PROPOSAL_FACTS) + "。",
        "贵单位有权进行陈述和申辩。请于" + Dates.chinese(EngineClock.toLocalDate(due)) + "前（含当日）登录本系统“我的申请”页面提出陈述和申辩意见；"
            + "逾期未提出的，视为放弃陈述和申辩的权利。");
  }

  /** 取消称号决定书 (Art. 8–10), when the title is revoked. */
  public void revocationDecision(DelegateExecution e) {
    Case c = caseOf(e);
    issue(c, LetterKind.REVOCATION_DECISION,
        "贵单位运营的“" + c.spaceName() + "”（证书编号：" + c.certificateNumber() + "），经本局调查核实并听取陈述申辩，"
            + "决定如下：" + text(e, SupervisionProcess.OUTCOME_REASON) + "。",
        "自本决定作出之日起，证书" + c.certificateNumber() + "失效，不得再以朔州市众创空间名义开展活动。",
        APPEAL);
  }

  // ------------------------------------------------------------------ the case

  /** The case a step belongs to: an application, or the certificate of a supervised space. */
  record Case(String applicationNumber, String certificateNumber, String creditCode, String operatorName,
      String spaceName) {
    Case withCertificate(String number) {
      return new Case(applicationNumber, number, creditCode, operatorName, spaceName);
    }
  }

  private Case caseOf(DelegateExecution e) {
    String key = e.getProcessBusinessKey();
    Optional<Certificate> supervised = certificates.find(key);
    if (supervised.isPresent()) {
      Certificate cert = supervised.get();
      return new Case(cert.applicationNumber(), cert.certificateNumber(), cert.creditCode(), cert.operatorName(),
          cert.spaceName());
    }
    return new Case(key, null, text(e, CREDIT_CODE), text(e, OPERATOR_NAME), text(e, SPACE_NAME));
  }

  private void issue(Case c, LetterKind kind, String... paragraphs) {
    letters.issue(content(c, kind, paragraphs));
  }

  private static LetterContent content(Case c, LetterKind kind, String... paragraphs) {
    return new LetterContent(kind, c.applicationNumber(), c.certificateNumber(), c.creditCode(), c.operatorName(),
        List.of(paragraphs));
  }

  /** A variable of the step, or of the case that called it (the sanction hearing reads its caller's). */
  private static String text(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    if (v == null && e.getSuperExecution() != null) {
      v = e.getSuperExecution().getVariable(name);
    }
    return v == null ? null : v.toString();
  }
}
