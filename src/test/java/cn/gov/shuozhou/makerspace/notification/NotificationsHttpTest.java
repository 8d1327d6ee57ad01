package cn.gov.shuozhou.makerspace.notification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICANT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_INSPECTION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_SUPPLEMENT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.hardening.SupervisionFixtures;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.supervision.SupervisionProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.mail.Message;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications end to end: the steps write their outbox rows in their own transaction; the sender
 * (driven by the test: scheduling is off here) delivers them to a real SMTP server (GreenMail), an
 * HTTP stub of the SMS gateway (WireMock) and the inbox; failures back off; leases keep two
 * senders apart; the due check writes each reminder once.
 */
class NotificationsHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SMS_KEY = "test-sms-key";
  private static final WireMockServer SMS = start();

  @DynamicPropertySource
  static void transports(DynamicPropertyRegistry registry) {
    TestMail.register(registry);
    registry.add("makerspace.sms.url", () -> "http://127.0.0.1:" + SMS.port() + "/sms");
    registry.add("makerspace.sms.key", () -> SMS_KEY);
    registry.add("makerspace.notifications.scheduled", () -> "false");
    registry.add("makerspace.notifications.backoff", () -> "PT10S");
    registry.add("makerspace.notifications.max-attempts", () -> "3");
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxSender sender;
  @Autowired DueTaskCheck dueCheck;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transaction;
  @Autowired CertificateRegistry certificates;

  @AfterAll
  static void stop() {
    SMS.stop();
  }

  @Test
  void aReturnedApplicationReachesTheApplicantByMailSmsAndInbox() throws Exception {
    Task supplement = new CertificationDriver(engine).waitingAt(TASK_SUPPLEMENT, "shuocheng");
    String event = "supplement:" + supplement.getProcessInstanceId();
    assertThat(rows(event + "%")).extracting(r -> r.get("CHANNEL") + " " + r.get("RECIPIENT") + " " + r.get("STATUS"))
        .containsExactlyInAnyOrder("EMAIL operator1@demo.local PENDING", "SMS 13903490001 PENDING",
            "INBOX operator1 PENDING");

    sender.drain();

    assertThat(rows(event + "%")).allMatch(r -> "SENT".equals(r.get("STATUS")));
    Message mail = TestMail.to("operator1@demo.local").stream().filter(m -> subject(m).equals("补正通知"))
        .reduce((a, b) -> b).orElseThrow();
    String outboxId = (String) rows(event + "%").stream().filter(r -> "EMAIL".equals(r.get("CHANNEL")))
        .findFirst().orElseThrow().get("OUTBOX_ID");
    assertThat(mail.getHeader("Message-ID")[0]).as("a re-send is recognisable").startsWith("<" + outboxId + "@");
    assertThat(TestMail.body(mail)).contains("需要补正材料").contains("补正事项：");
    SMS.verify(postRequestedFor(urlEqualTo("/sms")).withHeader("X-Api-Key", equalTo(SMS_KEY))
        .withRequestBody(matchingJsonPath("$.phone", equalTo("13903490001")))
        .withRequestBody(matchingJsonPath("$.text", equalTo("补正通知：" + TestMail.body(mail).strip()))));

    JsonNode inbox = JSON.readTree(api("operator1").get("/api/my/inbox").body());
    JsonNode item = find(inbox, "补正通知");
    assertThat(item).isNotNull();
    assertThat(item.get("readAt").isNull()).isTrue();
    assertThat(api("operator1").post("/api/my/inbox/" + item.get("id").asText() + "/read", "").statusCode()).isEqualTo(204);
    assertThat(find(JSON.readTree(api("operator1").get("/api/my/inbox").body()), "补正通知").get("readAt").isNull()).isFalse();
  }

  @Test
  void staffHearOfTheirNewTaskAndTheApplicantOfItsAcceptanceOnce() throws Exception {
    CertificationDriver fixtures = new CertificationDriver(engine);
    Task firstReview = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    String applicant = (String) engine.getRuntimeService().getVariable(firstReview.getProcessInstanceId(), APPLICANT);
    assertThat(rows("accepted:" + firstReview.getProcessInstanceId())).extracting(r -> r.get("CHANNEL"))
        .containsExactlyInAnyOrder("EMAIL", "SMS", "INBOX");
    assertThat(rows("task:" + firstReview.getId())).extracting(r -> r.get("RECIPIENT")).contains("shuocheng1")
        .doesNotContain("pinglu1", applicant);

    sender.drain();
    assertThat(find(JSON.readTree(api("shuocheng1").get("/api/my/inbox").body()), "新任务：初审（朔城创客之家）")).isNotNull();
    assertThat(JSON.readTree(api("pinglu1").get("/api/my/inbox").body()).toString()).doesNotContain(firstReview.getId());
  }

  @Test
  void aCertifiedApplicantIsToldOnceOnEveryChannelAndEachStaffStepHadItsTask() {
    CertificationDriver fixtures = new CertificationDriver(engine);
    Task firstReview = fixtures.waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    String instance = firstReview.getProcessInstanceId();
    fixtures.certify(instance);

    assertThat(rows("decision:" + instance)).extracting(r -> r.get("CHANNEL") + " " + r.get("SUBJECT"))
        .containsExactlyInAnyOrder("EMAIL 认定通知", "SMS 认定通知", "INBOX 认定通知");
    assertThat(rows("accepted:" + instance)).hasSize(3);
    List<String> staffTasks = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance)
        .list().stream().map(t -> "task:" + t.getId()).toList();
    assertThat(staffTasks).hasSizeGreaterThan(4).allSatisfy(key -> assertThat(rows(key)).as(key).isNotEmpty());
  }

  @Test
  void supervisionTellsTheOperatorOfItsReportWindowRectificationOrderAndRenewal() {
    SupervisionFixtures supervision = new SupervisionFixtures(engine, certificates, new CertificationDriver(engine));
    for (Map.Entry<String, String> step : Map.of(SupervisionProcess.TASK_SUBMIT_REPORT, "年度报告开始报送",
        SupervisionProcess.TASK_RECTIFY, "整改通知", SupervisionProcess.TASK_RENEWAL_REMINDER, "有效期届满提醒").entrySet()) {
      Task task = supervision.waitingAt(step.getKey());
      // the report's notices name their year (2027年度报告开始报送): one window a year
      String subject = step.getKey().equals(SupervisionProcess.TASK_SUBMIT_REPORT)
          ? engine.getRuntimeService().getVariable(task.getProcessInstanceId(), SupervisionProcess.REPORT_YEAR) + step.getValue()
          : step.getValue();
      List<Map<String, Object>> told = jdbc.queryForList("SELECT channel, recipient FROM ms_outbox WHERE event_key LIKE ? "
          + "AND subject = ?", "%:" + task.getProcessInstanceId() + ":%", subject);
      assertThat(told).as(subject).extracting(r -> r.get("CHANNEL") + " " + r.get("RECIPIENT"))
          .containsExactlyInAnyOrder("EMAIL operator1@demo.local", "SMS 13903490001", "INBOX operator1");
    }
  }

  @Test
  void theOperatorHearsOfItsAssessmentResultAndOfItsRewardWithTheAmount() {
    SupervisionFixtures supervision = new SupervisionFixtures(engine, certificates, new CertificationDriver(engine));
    Task reward = supervision.waitingAt(SupervisionProcess.TASK_REWARD);
    String instance = reward.getProcessInstanceId();
    Object year = engine.getRuntimeService().getVariable(instance, SupervisionProcess.REPORT_YEAR);
    assertThat(jdbc.queryForList("SELECT body FROM ms_outbox WHERE event_key LIKE ? AND subject = ? AND channel = 'INBOX'",
        "assessment:" + instance + ":%", year + "年度考核结果")).singleElement()
        .satisfies(row -> assertThat(row.get("BODY").toString()).contains(year + "年度考核结果已确定"));

    engine.getTaskService().complete(reward.getId(), SupervisionFixtures.validCompletion(SupervisionProcess.TASK_REWARD));

    assertThat(jdbc.queryForList("SELECT body FROM ms_outbox WHERE event_key LIKE ? AND subject = ? AND channel = 'INBOX'",
        "reward:" + instance + ":%", "优秀奖励通知")).singleElement()
        .satisfies(row -> assertThat(row.get("BODY").toString()).contains("奖励金额：50,000 元"));
  }

  @Test
  void aStepThatFailsWritesNoNotification() {
    Task firstReview = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    // the step (completing the first review creates the inspection task) runs in a transaction that rolls back
    transaction.executeWithoutResult(status -> {
      engine.getTaskService().complete(firstReview.getId(), Map.of(FIRST_REVIEW_DECISION, "approve"));
      assertThat(rows("task:%")).as("written inside the step").isNotEmpty();
      status.setRollbackOnly();
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(firstReview.getProcessInstanceId())
        .taskDefinitionKey(TASK_INSPECTION).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ms_outbox o WHERE o.event_key LIKE 'task:%' AND NOT EXISTS "
        + "(SELECT 1 FROM ACT_RU_TASK t WHERE 'task:' || t.ID_ = o.event_key) AND NOT EXISTS "
        + "(SELECT 1 FROM ACT_HI_TASKINST h WHERE 'task:' || h.ID_ = o.event_key)", Integer.class))
        .as("no notification of a task that never existed").isZero();

    engine.getTaskService().complete(firstReview.getId(), Map.of(FIRST_REVIEW_DECISION, "approve"));
    Task inspection = engine.getTaskService().createTaskQuery().processInstanceId(firstReview.getProcessInstanceId())
        .taskDefinitionKey(TASK_INSPECTION).singleResult();
    assertThat(rows("task:" + inspection.getId())).isNotEmpty();
  }

  @Test
  void anEventReachesARecipientOnAChannelOnce() {
    String key = "once:" + Instant.now().toEpochMilli();
    assertThat(outbox.add(key, Channel.INBOX, "city1", "city1", "一次", "正文")).isTrue();
    assertThat(outbox.add(key, Channel.INBOX, "city1", "city1", "一次", "正文")).isFalse();
    assertThat(outbox.add(key, Channel.EMAIL, "city1@demo.local", "city1", "一次", "正文")).isTrue();
    assertThat(rows(key)).hasSize(2);
  }

  @Test
  void aFailingGatewayIsRetriedWithGrowingBackOffUntilItAnswers() {
    String phone = "1390349" + (1000 + (int) (Math.random() * 8999));
    String key = "retry:" + phone;
    SMS.stubFor(post(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.phone", equalTo(phone)))
        .atPriority(1).willReturn(aResponse().withStatus(503)));
    outbox.add(key, Channel.SMS, phone, null, "重试", "重试正文");

    sender.drain();
    Map<String, Object> first = rows(key).get(0);
    assertThat(first.get("STATUS")).isEqualTo("PENDING");
    assertThat(first.get("ATTEMPTS")).isEqualTo(1);
    assertThat((String) first.get("LAST_ERROR")).contains("503");
    assertThat(secondsUntil(first.get("NEXT_ATTEMPT_AT"))).isBetween(5L, 10L);

    sender.drain();
    assertThat(rows(key).get(0).get("ATTEMPTS")).as("not before its time").isEqualTo(1);

    makeDue(key);
    sender.drain();
    Map<String, Object> second = rows(key).get(0);
    assertThat(second.get("ATTEMPTS")).isEqualTo(2);
    assertThat(secondsUntil(second.get("NEXT_ATTEMPT_AT"))).as("doubled").isBetween(15L, 20L);

    SMS.stubFor(post(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.phone", equalTo(phone)))
        .atPriority(1).willReturn(aResponse().withStatus(200)));
    makeDue(key);
    sender.drain();
    assertThat(rows(key).get(0).get("STATUS")).isEqualTo("SENT");
    assertThat(rows(key).get(0).get("ATTEMPTS")).isEqualTo(3);
  }

  @Test
  void afterTheLastAttemptARowIsFailedAndLeftAlone() {
    String phone = "1390348" + (1000 + (int) (Math.random() * 8999));
    String key = "give-up:" + phone;
    SMS.stubFor(post(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.phone", equalTo(phone)))
        .atPriority(1).willReturn(aResponse().withStatus(500)));
    outbox.add(key, Channel.SMS, phone, null, "放弃", "正文");
    for (int i = 0; i < 4; i++) {
      makeDue(key);
      sender.drain();
    }
    assertThat(rows(key).get(0).get("STATUS")).isEqualTo("FAILED");
    assertThat(rows(key).get(0).get("ATTEMPTS")).isEqualTo(3);
  }

  @Test
  void anExpiredLeaseIsTakenAgainAndALiveOneIsNot() {
    String live = "lease-live:" + Instant.now().toEpochMilli();
    String dead = "lease-dead:" + Instant.now().toEpochMilli();
    outbox.add(live, Channel.INBOX, "city1", "city1", "租约", "正文");
    outbox.add(dead, Channel.INBOX, "city1", "city1", "租约", "正文");
    jdbc.update("UPDATE ms_outbox SET status = 'SENDING', lease_owner = 'other-node', lease_until = ? WHERE event_key = ?",
        Timestamp.from(Instant.now().plusSeconds(60)), live);
    jdbc.update("UPDATE ms_outbox SET status = 'SENDING', lease_owner = 'killed-node', lease_until = ? WHERE event_key = ?",
        Timestamp.from(Instant.now().minusSeconds(1)), dead);

    sender.drain();

    assertThat(rows(live).get(0).get("STATUS")).isEqualTo("SENDING");
    assertThat(rows(dead).get(0).get("STATUS")).isEqualTo("SENT");
  }

  @Test
  void twoSendersNeverClaimTheSameRow() {
    String prefix = "claim-" + Instant.now().toEpochMilli() + ":";
    for (int i = 0; i < 200; i++) {
      outbox.add(prefix + i, Channel.INBOX, "nobody", null, "并发", "正文");
    }
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    Runnable node = () -> {
      List<Outbox.Message> batch;
      do {
        batch = outbox.claim(7, Duration.ofMinutes(1));
        batch.forEach(m -> claimed.add(m.eventKey()));
      } while (!batch.isEmpty());
    };
    CompletableFuture.allOf(CompletableFuture.runAsync(node), CompletableFuture.runAsync(node)).join();
    List<String> ours = claimed.stream().filter(k -> k.startsWith(prefix)).toList();
    assertThat(ours).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void overdueStaffTasksAreRemindedAndEscalatedToTheCityBureauOnce() throws Exception {
    Task firstReview = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().setDueDate(firstReview.getId(), Date.from(Instant.now().minus(Duration.ofDays(30))));

    dueCheck.check();
    dueCheck.check();

    assertThat(rows("task-overdue:" + firstReview.getId())).extracting(r -> r.get("RECIPIENT")).contains("shuocheng1")
        .doesNotHaveDuplicates();
    assertThat(rows("task-escalated:" + firstReview.getId())).extracting(r -> r.get("RECIPIENT")).contains("city1")
        .doesNotContain("shuocheng1").doesNotHaveDuplicates();
    sender.drain();
    assertThat(find(JSON.readTree(api("shuocheng1").get("/api/my/inbox").body()), "超时提醒：初审（朔城创客之家）")).isNotNull();
    assertThat(find(JSON.readTree(api("city1").get("/api/my/inbox").body()), "超时督办：初审（朔城创客之家）")).isNotNull();
  }

  @Test
  void aTaskDueTomorrowIsOnlyDueSoonNotEscalated() {
    Task firstReview = new CertificationDriver(engine).waitingAt(TASK_FIRST_REVIEW, "shuocheng");
    engine.getTaskService().setDueDate(firstReview.getId(), Date.from(Instant.now().plus(Duration.ofHours(20))));
    dueCheck.check();
    assertThat(rows("task-due-soon:" + firstReview.getId())).isNotEmpty();
    assertThat(rows("task-overdue:" + firstReview.getId())).isEmpty();
    assertThat(rows("task-escalated:" + firstReview.getId())).isEmpty();
  }

  @Test
  void theInboxIsOnlyTheCallersOwn() throws Exception {
    String key = "private:" + Instant.now().toEpochMilli();
    outbox.add(key, Channel.INBOX, "city1", "city1", "仅本人可见", "正文");
    sender.drain();
    String id = (String) rows(key).get(0).get("OUTBOX_ID");

    assertThat(api("expert1").post("/api/my/inbox/" + id + "/read", "").statusCode()).as("not expert1's").isEqualTo(404);
    assertThat(api("expert1").get("/api/my/inbox").body()).doesNotContain(id);
    assertThat(api("auditor1").get("/api/my/inbox").statusCode()).isEqualTo(403);
    var parameter = api("city1").get("/api/my/inbox?userId=expert1");
    assertThat(parameter.statusCode()).isEqualTo(400);
    assertThat(parameter.body()).contains("userId").contains("未知参数");
    assertThat(find(JSON.readTree(api("city1").get("/api/my/inbox").body()), "仅本人可见")).isNotNull();
  }

  private List<Map<String, Object>> rows(String eventKeyPattern) {
    return jdbc.queryForList("SELECT * FROM ms_outbox WHERE event_key LIKE ? ORDER BY created_at", eventKeyPattern);
  }

  private void makeDue(String key) {
    jdbc.update("UPDATE ms_outbox SET next_attempt_at = ? WHERE event_key = ?", Timestamp.from(Instant.now().minusSeconds(1)), key);
  }

  private static long secondsUntil(Object timestamp) {
    return Duration.between(Instant.now(), ((Timestamp) timestamp).toInstant()).toSeconds();
  }

  private static JsonNode find(JsonNode inbox, String subject) {
    for (JsonNode item : inbox) {
      if (subject.equals(item.get("subject").asText())) {
        return item;
      }
    }
    return null;
  }

  private static String subject(Message mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static WireMockServer start() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(post(urlEqualTo("/sms")).atPriority(10).willReturn(aResponse().withStatus(200)));
    return server;
  }
}
