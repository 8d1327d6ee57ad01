package cn.gov.shuozhou.makerspace.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The requests to {@code /engine-rest} that the Cockpit 历史 tab and the dashboard search send
 * (docs/audit.md): a page of 50 plus its count per filter, the row values of a page, the exact
 * searches. Shared by audit/HistoryListQueryTest (what they answer) and the bench's history
 * section (how fast, with 12,000 instances).
 */
public final class HistoryTabQueries {

  public static final String COUNT = "/history/process-instance/count";
  public static final String VARIABLES = "/history/variable-instance?deserializeValues=false&maxResults=1000";
  public static final String SEARCH = "/history/process-instance?maxResults=20";
  /** The columns of the tab that come from variables. */
  public static final List<String> COLUMNS = List.of("outcome", "county", "spaceName", "certificateNumber");
  private static final String KEY = "\"processDefinitionKey\":\"maker-space-certification\"";
  private static final String NEWEST_FIRST = ",\"sorting\":[{\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}]";

  private HistoryTabQueries() {}

  /** One filter of the tab: its criteria as JSON members (without braces). */
  public record Filter(String criteria) {

    /** The body of {@link #COUNT}. */
    public String count() {
      return "{" + criteria + "}";
    }

    /** The body of {@link #page}: the filter, newest first. */
    public String page() {
      return "{" + criteria + NEWEST_FIRST + "}";
    }
  }

  /** The path of a page of {@code size} instances from {@code first} on. */
  public static String page(int first, int size) {
    return "/history/process-instance?firstResult=" + first + "&maxResults=" + size;
  }

  public static Filter all() {
    return new Filter(KEY);
  }

  public static Filter outcome(String outcome) {
    return new Filter(KEY + ",\"variables\":[" + equal("outcome", outcome) + "]");
  }

  public static Filter outcomeInCounty(String outcome, String county) {
    return new Filter(KEY + ",\"variables\":[" + equal("outcome", outcome) + "," + equal("county", county) + "]");
  }

  /** Finished instances started in these years (Beijing time). */
  public static Filter finishedStartedIn(int fromYear, int toYear) {
    return new Filter(KEY + ",\"finished\":true,\"startedAfter\":\"" + fromYear + "-01-01T00:00:00.000+0800\","
        + "\"startedBefore\":\"" + toYear + "-12-31T23:59:59.999+0800\"");
  }

  /**
   * A part of an application number. The tab searches one kind of number at a time: an OR of
   * business key and variable would join every variable of every instance (seconds, not milliseconds).
   */
  public static Filter applicationNumberContaining(String part) {
    return new Filter(KEY + ",\"processInstanceBusinessKeyLike\":\"%" + part + "%\"");
  }

  public static Filter certificateNumber(String number) {
    return new Filter(KEY + ",\"variables\":[" + equal("certificateNumber", number) + "]");
  }

  /** A part of a certificate number: LIKE on a variable's text, which no index serves. */
  public static Filter certificateNumberContaining(String part) {
    return new Filter(KEY + ",\"variables\":[{\"name\":\"certificateNumber\",\"operator\":\"like\","
        + "\"value\":\"%" + part + "%\"}]");
  }

  /** The body of {@link #VARIABLES}: the tab's columns of the instances of one page. */
  public static String columnsOf(List<String> instanceIds) {
    return "{\"processInstanceIdIn\":[" + instanceIds.stream().map(id -> '"' + id + '"').collect(Collectors.joining(","))
        + "],\"variableNameIn\":[" + COLUMNS.stream().map(c -> '"' + c + '"').collect(Collectors.joining(",")) + "]}";
  }

  /** The body of the dashboard's {@link #SEARCH} for a complete application number. */
  public static String searchApplication(String number) {
    return "{\"processInstanceBusinessKey\":\"" + number + "\"}";
  }

  /** The body of the dashboard's {@link #SEARCH} for a complete certificate number. */
  public static String searchCertificate(String number) {
    return "{\"variables\":[" + equal("certificateNumber", number) + "]}";
  }

  private static String equal(String name, String value) {
    return "{\"name\":\"" + name + "\",\"operator\":\"eq\",\"value\":\"" + value + "\"}";
  }
}
