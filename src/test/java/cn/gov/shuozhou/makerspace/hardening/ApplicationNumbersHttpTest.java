package cn.gov.shuozhou.makerspace.hardening;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_ADDRESS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.application.IntakeService;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.registry.ActiveApplications;
import cn.gov.shuozhou.makerspace.registry.IssuedNumbers;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12, reproduction 8: application numbers come from the system only, are unique by a
 * database constraint, and a credit-code reservation is released only by the case holding it.
 */
class ApplicationNumbersHttpTest extends HardeningHttpTest {

  private static final String NUMBER = "SQ-\\d{4}-\\d{6}";

  @Autowired IssuedNumbers issued;
  @Autowired ActiveApplications active;
  @Autowired IntakeService intake;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void reproduction8_aChosenNumberIsRefusedAndOneCaseNeverFreesAnothersCreditCode() {
    // the number the system is about to issue, as an attacker would guess it
    int year = EngineClock.today().getYear();
    Long last = jdbc.queryForList("SELECT next_value FROM ms_sequence WHERE seq_name = ?", Long.class,
        "APPLICATION-" + year).stream().findFirst().orElse(0L);
    String chosen = String.format("SQ-%d-%06d", year, last + 1);
    Map<String, Object> a = Applications.valid("shuocheng");
    String ownerA = owner(a);

    ObjectNode start = (ObjectNode) json(engineVariables(a));
    start.put("businessKey", chosen);
    assertRefusedField(rest(ownerA).post(START_PATH, start.toString()), "businessKey");
    assertRefusedField(portalSession(ownerA).post(TASKLIST_START, start.toString()), "businessKey");
    ObjectNode api = JSON.valueToTree(a);
    api.put("applicationNumber", chosen);
    assertRefusedField(apiApply(ownerA, api.toString()), "applicationNumber");
    assertThat(startedBy(ownerA)).as("nothing started").isZero();
    assertThat(active.inProgress(space(a))).as("nothing reserved").isFalse();

    // B and A file as the system allows; their numbers differ and are on record
    Map<String, Object> b = Applications.valid("pinglu");
    JsonNode caseB = filed(owner(b), b);
    JsonNode caseA = filed(ownerA, a);
    String numberB = caseB.get("applicationNumber").asText();
    String numberA = caseA.get("applicationNumber").asText();
    assertThat(numberA).matches(NUMBER).isNotEqualTo(numberB);
    assertThat(numberB).matches(NUMBER);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ms_application WHERE application_number IN (?, ?)",
        Long.class, numberA, numberB)).isEqualTo(2);

    // A ends (withdrawn by the administrator): B keeps its reservation, a second B is not accepted
    assertThat(rest("admin").delete("/process-instance/" + caseA.get("processInstanceId").asText())
        .statusCode()).isEqualTo(204);
    assertThat(active.inProgress(space(a))).isFalse();
    assertThat(active.inProgress(space(b))).isTrue();
    JsonNode secondB = json(apiFile(owner(b), b).body());
    assertThat(secondB.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(secondB.get("outcome").asText()).isEqualTo("NOT_ACCEPTED");
  }

  @Test
  void concurrentStartsGetDistinctNumbersOnRecord() throws Exception {
    int n = 4;
    List<Map<String, Object>> applications = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> app = Applications.valid("shuocheng");
      applications.add(app);
      owners.add(owner(app));
      uploadMaterials(owner(app), JSON.valueToTree(app));
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        answers.add(pool.submit(() -> {
          go.await();
          return apiApply(owners.get(k), JSON.valueToTree(applications.get(k)).toString());
        }));
      }
      go.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        numbers.add(json(r.body()).get("applicationNumber").asText());
      }
      assertThat(numbers).allMatch(s -> s.matches(NUMBER)).doesNotHaveDuplicates();
      for (String number : numbers) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ms_application WHERE application_number = ?",
            Long.class, number)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDatabaseRefusesANumberIssuedTwiceEvenByConcurrentTransactions() throws Exception {
    String number = "SQ-2098-" + String.format("%06d", System.nanoTime() % 1_000_000);
    long seq = System.nanoTime() % 1_000_000_000L;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int k = i;
        attempts.add(pool.submit(() -> {
          go.await();
          try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> issued.record(number, 2098, seq, "race-" + number + k));
            return true;
          } catch (DuplicateKeyException e) {
            refused.incrementAndGet();
            return false;
          }
        }));
      }
      go.countDown();
      int stored = 0;
      for (Future<Boolean> attempt : attempts) {
        stored += attempt.get() ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
      assertThat(refused).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
    // the year's sequence value and the instance are unique as well
    assertThatThrownBy(() -> issued.record(number + "X", 2098, seq, "other-" + number))
        .isInstanceOf(DuplicateKeyException.class);
    issued.record(number + "Y", 2098, seq + 1, "instance-" + number);
    assertThatThrownBy(() -> issued.record(number + "Z", 2098, seq + 2, "instance-" + number))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void releasingOneCaseNeverFreesAnotherCasesReservationEvenUnderTheSameNumber() {
    Space x = new Space(Applications.newCreditCode(), "朔州创客空间", "朔州市朔城区民福街1号");
    Space y = new Space(x.creditCode(), "朔州创客空间二部", "朔州市朔城区民福街1号");
    String shared = "SQ-2098-SHARED-" + System.nanoTime();
    active.open(x, shared, "instance-x-" + shared);
    active.open(y, shared, "instance-y-" + shared);
    intake.release("instance-x-" + shared, shared);
    assertThat(active.inProgress(x)).isFalse();
    assertThat(active.inProgress(y)).isTrue();
    intake.release("instance-y-" + shared, shared);
    assertThat(active.inProgress(y)).isFalse();
  }

  private String owner(Map<String, Object> application) {
    return OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
  }

  private JsonNode filed(String user, Map<String, Object> application) {
    HttpResponse<String> r = apiFile(user, application);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = json(r.body());
    assertThat(body.get("state").asText()).isEqualTo("ACTIVE");
    return body;
  }

  private static void assertRefusedField(HttpResponse<String> r, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r.body()).get("errors").findValuesAsText("field")).contains(field);
    assertThat(refusalText(r)).matches("(?s).*\\p{IsHan}.*").contains(field);
  }

  private long startedBy(String user) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().startedBy(user).count();
  }

  /** The space an application (as the fixtures write it) is for. */
  private static Space space(Map<String, Object> application) {
    return new Space((String) application.get(CREDIT_CODE), (String) application.get(SPACE_NAME),
        (String) application.get(SPACE_ADDRESS));
  }
}
