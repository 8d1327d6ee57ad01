package cn.gov.shuozhou.makerspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.HistoryClones;
import cn.gov.shuozhou.makerspace.support.HistoryClones.Copy;
import cn.gov.shuozhou.makerspace.support.HistoryTabQueries;
import cn.gov.shuozhou.makerspace.support.HistoryTabQueries.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The 历史 tab pages through the history with the engine's own REST API (server-side paging,
 * {@code /count}, variable filters), never loading everything: here on a small cloned history (70
 * finished, 14 running instances) as auditor1 over HTTP, authorization checks included, each request
 * of support/HistoryTabQueries must answer exactly the matching instances. How fast they answer with
 * 12,000 instances is measured by the bench's history section (docs/performance.md, section 12).
 * Its own context: the exact counts need a history that no other class adds to.
 */
@TestPropertySource(properties = "makerspace.test.context=audit-history-list")
class HistoryListQueryTest extends AbstractAuditTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FINISHED = 70;
  private static final int RUNNING = 14;
  private static List<Copy> copies;
  /** The count of each filter before the copies were added (the instances of AbstractAuditTest). */
  private static final Map<Filter, Long> BEFORE = new HashMap<>();

  @Autowired
  DataSource dataSource;

  /** The filters checked, with which copies each must find. */
  private static Map<Filter, Predicate<Copy>> filters() {
    return Map.of(
        HistoryTabQueries.all(), copy -> true,
        HistoryTabQueries.outcome("REJECTED"), copy -> "REJECTED".equals(copy.variable("outcome")),
        HistoryTabQueries.outcomeInCounty("REJECTED", "pinglu"),
        copy -> "REJECTED".equals(copy.variable("outcome")) && "pinglu".equals(copy.variable("county")),
        HistoryTabQueries.finishedStartedIn(2016, 2016), copy -> copy.finished() && copy.start().getYear() == 2016,
        HistoryTabQueries.applicationNumberContaining("2016-000023"), copy -> copy.businessKey().contains("2016-000023"),
        HistoryTabQueries.certificateNumber("SZZC-2016-021"), copy -> "SZZC-2016-021".equals(copy.variable("certificateNumber")),
        HistoryTabQueries.certificateNumberContaining("2016-02"),
        copy -> String.valueOf(copy.variable("certificateNumber")).contains("2016-02"));
  }

  @BeforeEach
  void cloneHistoryOnce() throws Exception {
    synchronized (HistoryListQueryTest.class) {
      if (copies != null) {
        return;
      }
      ProcessInstance running = new CertificationDriver(engine).apply(CertificationDriver.namedApplication("平鲁双创基地"));
      for (Filter filter : filters().keySet()) {
        BEFORE.put(filter, count(filter));
      }
      copies = new HistoryClones(dataSource).certificationHistory(data.certifiedId(), data.finishedId(), running.getId(),
          FINISHED, RUNNING);
    }
  }

  @Test
  void eachFilterCountsAndListsExactlyTheMatchingInstances() {
    filters().forEach((filter, matches) -> {
      long expected = BEFORE.get(filter) + copies.stream().filter(matches).count();
      assertThat(expected).as(filter.criteria()).isPositive();
      assertThat(count(filter)).as(filter.criteria()).isEqualTo(expected);
      assertThat(page(filter, 0, 50)).as(filter.criteria()).hasSize((int) Math.min(expected, 50));
    });
  }

  @Test
  void pagesAreCutOnTheServerNewestFirst() {
    Filter all = HistoryTabQueries.all();
    long total = count(all);
    assertThat(total).isGreaterThan(FINISHED + RUNNING);
    List<JsonNode> first = page(all, 0, 50);
    List<JsonNode> second = page(all, 50, 50);
    assertThat(first).hasSize(50);
    assertThat(second).hasSize((int) total - 50);
    assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
    List<String> starts = new ArrayList<>();
    first.forEach(instance -> starts.add(instance.get("startTime").asText()));
    second.forEach(instance -> starts.add(instance.get("startTime").asText()));
    assertThat(starts).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(page(all, (int) total - 7, 50)).hasSize(7);
  }

  @Test
  void theColumnsOfAPageAreTheVariablesOfItsInstances() {
    List<JsonNode> rejectedInPinglu = page(HistoryTabQueries.outcomeInCounty("REJECTED", "pinglu"), 0, 50);
    JsonNode columns = post(HistoryTabQueries.VARIABLES, HistoryTabQueries.columnsOf(ids(rejectedInPinglu)));
    Map<String, Map<String, String>> byInstance = new HashMap<>();
    columns.forEach(v -> byInstance.computeIfAbsent(v.get("processInstanceId").asText(), id -> new HashMap<>())
        .put(v.get("name").asText(), v.get("value").asText()));
    assertThat(byInstance.keySet()).containsExactlyInAnyOrderElementsOf(ids(rejectedInPinglu));
    assertThat(byInstance.values()).allSatisfy(row -> assertThat(row)
        .containsEntry("outcome", "REJECTED").containsEntry("county", "pinglu").containsKey("spaceName"));
  }

  @Test
  void theDashboardSearchFindsOneCompleteNumber() {
    JsonNode application = post(HistoryTabQueries.SEARCH, HistoryTabQueries.searchApplication("SQ-2016-000023"));
    assertThat(application).hasSize(1);
    assertThat(application.get(0).get("businessKey").asText()).isEqualTo("SQ-2016-000023");
    JsonNode certificate = post(HistoryTabQueries.SEARCH, HistoryTabQueries.searchCertificate("SZZC-2016-021"));
    assertThat(certificate).hasSize(1);
    assertThat(certificate.get(0).get("businessKey").asText()).isEqualTo("SQ-2016-000021");
  }

  private long count(Filter filter) {
    return post(HistoryTabQueries.COUNT, filter.count()).get("count").asLong();
  }

  private List<JsonNode> page(Filter filter, int first, int size) {
    List<JsonNode> instances = new ArrayList<>();
    post(HistoryTabQueries.page(first, size), filter.page()).forEach(instances::add);
    return instances;
  }

  private static List<String> ids(List<JsonNode> instances) {
    return instances.stream().map(instance -> instance.get("id").asText()).toList();
  }

  /** A query as auditor1: 200 and its JSON. */
  private JsonNode post(String path, String body) {
    HttpResponse<String> response = rest("auditor1").post(path, body);
    assertThat(response.statusCode()).as("%s %s: %s", path, body, response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
