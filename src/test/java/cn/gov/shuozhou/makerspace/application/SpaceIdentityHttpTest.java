package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shuozhou.makerspace.support.MaterialDrafts;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.identity.demo.DemoOrganisations;
import cn.gov.shuozhou.makerspace.registry.ActiveApplications;
import cn.gov.shuozhou.makerspace.registry.BanRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import cn.gov.shuozhou.makerspace.registry.CertificateStatus;
import cn.gov.shuozhou.makerspace.registry.Space;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Art. 2, 4, 5 through {@code POST /api/applications}: a space (credit code + name + address) is
 * certified, not an operator. operator1 certifies two spaces; the same space is refused while in
 * progress or certified, whoever spells it how; the Art. 9 ban covers all of an operator's spaces.
 */
class SpaceIdentityHttpTest extends AbstractHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired CertificateRegistry certificates;
  @Autowired BanRegistry bans;
  @Autowired JdbcTemplate jdbc;
  @Autowired ActiveApplications reservations;

  @Test
  void operator1CertifiesTwoSpacesAndNeitherCanBeFiledAgainWhileValid() throws Exception {
    OrganisationAccounts.withdrawOpenApplications(engine, "operator1");
    String code = DemoOrganisations.creditCodeOf("operator1");
    String run = Long.toString(System.nanoTime() % 1_000_000_000); // digits only: pages with these names are checked for Latin words
    Map<String, Object> first = space(code, "朔城创客之家" + run, "朔州市朔城区民福街1号");
    Map<String, Object> second = space(code, "朔城创客之家二号馆" + run, "朔州市朔城区开发南路18号");

    JsonNode a = filed("operator1", first);
    JsonNode b = filed("operator1", second);
    assertThat(a.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(b.get("state").asText()).as("a second space of the same operator is accepted").isEqualTo("ACTIVE");

    // the same space again while it is in progress, written with other spacing and full-width digits
    Map<String, Object> sameAsFirst = new HashMap<>(first);
    sameAsFirst.put(SPACE_ADDRESS, "朔州市朔城区 民福街１号");
    JsonNode duplicate = filed("operator1", sameAsFirst);
    assertThat(duplicate.get(OUTCOME).asText()).isEqualTo("NOT_ACCEPTED");
    assertThat(duplicate.get(OUTCOME_REASON).asText()).contains("已有正在办理")
        .doesNotContain(a.get("applicationNumber").asText());

    CertificationDriver fixtures = new CertificationDriver(engine);
    fixtures.certify(a.get("processInstanceId").asText());
    fixtures.certify(b.get("processInstanceId").asText());
    List<String> certified = certificates.all().stream()
        .filter(c -> c.creditCode().equals(code) && c.spaceName().endsWith(run) && c.status() == CertificateStatus.VALID)
        .map(c -> c.spaceName()).toList();
    assertThat(certified).containsExactlyInAnyOrder((String) first.get(SPACE_NAME), (String) second.get(SPACE_NAME));

    for (Map<String, Object> space : List.of(first, second)) {
      JsonNode again = filed("operator1", space);
      assertThat(again.get(OUTCOME).asText()).isEqualTo("NOT_ACCEPTED");
      assertThat(again.get(OUTCOME_REASON).asText()).contains("有效期内的认定证书").contains("90日内");
    }
    OrganisationAccounts.withdrawOpenApplications(engine, "operator1");
  }

  @Test
  void parallelFilingsForOneSpaceNeverBothPass() throws Exception {
    Map<String, Object> application = Applications.valid("shanyin");
    String code = (String) application.get(CREDIT_CODE);
    // the two accounts that may file for this code, each with its own drafts (one filing uses up its filer's)
    List<String> filers = List.of(OrganisationAccounts.ownerOf(engine, code), "admin");
    filers.forEach(filer -> MaterialDrafts.of(engine).uploadRequired(filer, application));
    ExecutorService pool = Executors.newFixedThreadPool(filers.size());
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (String filer : filers) {
        futures.add(pool.submit(() -> {
          go.await();
          return post(filer, JSON.writeValueAsString(application));
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    int accepted = 0;
    for (HttpResponse<String> r : answers) {
      JsonNode body = JSON.readTree(r.body());
      if (r.statusCode() == 201 && body.get("state").asText().equals("ACTIVE")) {
        accepted++;
      } else if (r.statusCode() == 201) {
        assertThat(body.get(OUTCOME).asText()).isEqualTo("NOT_ACCEPTED");
      } else {
        // lost the race on the reservation's primary key: refused, nothing written
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(body.get("detail").asText()).contains("已有正在办理");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly(SPACE_NAME);
      }
    }
    assertThat(accepted).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(CREDIT_CODE, code).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ms_space_application WHERE credit_code = ?", Long.class, code))
        .isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesASecondReservationOfOneSpaceHoweverItIsSpelled() {
    String code = Applications.newCreditCode();
    String number = "SQ-TEST-" + code;
    reservations.open(new Space(code, "朔城创客之家", "朔州市朔城区民福街1号"), number, "instance-a-" + code);
    try {
      assertThatThrownBy(() -> reservations.open(new Space(code, " 朔城创客之家", "朔州市朔城区 民福街１号"), number,
          "instance-b-" + code)).isInstanceOf(DuplicateKeyException.class);
      // another space of the same operator is its own reservation
      reservations.open(new Space(code, "朔城创客之家", "朔州市朔城区民福街3号"), number, "instance-c-" + code);
    } finally {
      reservations.close("instance-a-" + code, number);
      reservations.close("instance-c-" + code, number);
    }
  }

  @Test
  void aBannedOperatorIsRefusedForASpaceItNeverFiledBefore() throws Exception {
    Map<String, Object> application = Applications.valid("youyu");
    String code = (String) application.get(CREDIT_CODE);
    LocalDate today = EngineClock.today();
    bans.ban(code, today.minusDays(1), today.plusYears(2), "测试：另一空间提供虚假材料", "SQ-TEST-BAN-" + code);
    JsonNode refused = filed(OrganisationAccounts.ownerOf(engine, code), application);
    assertThat(refused.get(OUTCOME).asText()).isEqualTo("NOT_ACCEPTED");
    assertThat(refused.get(OUTCOME_REASON).asText()).contains("第九条");
  }

  private static Map<String, Object> space(String creditCode, String name, String address) {
    Map<String, Object> v = Applications.valid("shuocheng", creditCode);
    v.put(SPACE_NAME, name);
    v.put(SPACE_ADDRESS, address);
    return v;
  }

  private JsonNode filed(String user, Map<String, Object> application) throws Exception {
    MaterialDrafts.of(engine).uploadRequired(user, application);
    HttpResponse<String> r = post(user, JSON.writeValueAsString(application));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> post(String user, String json) {
    return send(HttpRequest.newBuilder(uri("/api/applications"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }
}
