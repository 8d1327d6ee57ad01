package cn.gov.shuozhou.makerspace.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills the history tables with many copies of a real historic process instance (its
 * ACT_HI_PROCINST row and all its ACT_HI_VARINST rows), so that list queries can be checked and
 * measured with thousands of instances without running them all. The copies get their own ids,
 * business keys, times and the given variable values; everything else is the template's. Used by
 * audit/HistoryListQueryTest (a few dozen copies) and the bench's history section (12,000).
 */
public final class HistoryClones {

  public static final String[] OUTCOMES = {"CERTIFIED", "REJECTED", "WITHDRAWN", "NOT_ACCEPTED", "LAPSED"};
  public static final String[] COUNTIES = {"shuocheng", "pinglu", "huairen", "shanyin", "yingxian", "youyu",
      "devzone"};
  /** When the first finished copy started; each next one starts 8 hours later. */
  private static final LocalDateTime FIRST_START = LocalDateTime.of(2016, 1, 4, 9, 0);

  private final DataSource dataSource;

  public HistoryClones(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What one copy differs in. */
  public record Copy(String businessKey, LocalDateTime start, LocalDateTime end, Map<String, String> textVariables) {

    public boolean finished() {
      return end != null;
    }

    public String variable(String name) {
      return textVariables.get(name);
    }
  }

  /**
   * A certification history: {@code finished} copies from 2016 on (the i-th ends with
   * {@code OUTCOMES[i % 5]}, so a fifth are certified and carry a certificate number SZZC-year-nnn;
   * 1,000 applications a year, SQ-year-nnnnnn) and {@code running} copies of 2026, counties in
   * turn. The templates are real instances: a certified one, another finished one, a running one.
   * Returns every copy inserted.
   */
  public List<Copy> certificationHistory(String certifiedId, String finishedId, String runningId, int finished,
      int running) throws SQLException {
    List<Copy> all = new ArrayList<>();
    for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
      List<Copy> copies = new ArrayList<>();
      for (int i = outcome; i < finished; i += OUTCOMES.length) {
        int year = 2016 + i / 1000;
        Map<String, String> variables = new LinkedHashMap<>(Map.of("outcome", OUTCOMES[outcome],
            "county", COUNTIES[i % COUNTIES.length]));
        if (outcome == 0) {
          variables.put("certificateNumber", String.format("SZZC-%d-%03d", year, i % 1000 + 1));
        }
        LocalDateTime start = FIRST_START.plusHours(8L * i);
        copies.add(new Copy(String.format("SQ-%d-%06d", year, i % 1000 + 1), start, start.plusDays(20 + i % 40),
            variables));
      }
      insert(outcome == 0 ? certifiedId : finishedId, copies);
      all.addAll(copies);
    }
    List<Copy> open = times(running, i -> new Copy(String.format("SQ-2026-%06d", 100_000 + i),
        LocalDateTime.of(2026, 1, 5, 9, 0).plusMinutes(40L * i), null,
        Map.of("county", COUNTIES[i % COUNTIES.length])));
    insert(runningId, open);
    all.addAll(open);
    return all;
  }

  /** Inserts one copy of {@code templateInstanceId} per element of {@code copies}. */
  public void insert(String templateInstanceId, List<Copy> copies) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Map<String, Object> instance = rows(connection, "ACT_HI_PROCINST", "ID_", templateInstanceId).get(0);
      List<Map<String, Object>> variables = rows(connection, "ACT_HI_VARINST", "PROC_INST_ID_", templateInstanceId);
      try (PreparedStatement instances = insertStatement(connection, "ACT_HI_PROCINST", instance);
          PreparedStatement variableRows = insertStatement(connection, "ACT_HI_VARINST", variables.get(0))) {
        int batched = 0;
        for (Copy copy : copies) {
          String id = UUID.randomUUID().toString();
          Map<String, Object> row = new LinkedHashMap<>(instance);
          row.put("ID_", id);
          row.put("PROC_INST_ID_", id);
          row.put("ROOT_PROC_INST_ID_", id);
          row.put("BUSINESS_KEY_", copy.businessKey());
          row.put("START_TIME_", Timestamp.valueOf(copy.start()));
          row.put("END_TIME_", copy.end() == null ? null : Timestamp.valueOf(copy.end()));
          row.put("DURATION_", copy.end() == null ? null
              : java.time.Duration.between(copy.start(), copy.end()).toMillis());
          row.put("STATE_", copy.end() == null ? "ACTIVE" : "COMPLETED");
          row.put("END_ACT_ID_", copy.end() == null ? null : instance.get("END_ACT_ID_"));
          add(instances, row);
          for (Map<String, Object> variable : variables) {
            Map<String, Object> v = new LinkedHashMap<>(variable);
            v.put("ID_", UUID.randomUUID().toString());
            replace(v, templateInstanceId, id, "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_", "ACT_INST_ID_");
            v.put("CREATE_TIME_", Timestamp.valueOf(copy.start()));
            String name = (String) v.get("NAME_");
            if (copy.textVariables().containsKey(name)) {
              v.put("TEXT_", copy.textVariables().get(name));
            }
            add(variableRows, v);
          }
          if (++batched % 200 == 0) {
            // small transactions: H2 checks unique indexes against every uncommitted row
            instances.executeBatch();
            variableRows.executeBatch();
            connection.commit();
          }
        }
        instances.executeBatch();
        variableRows.executeBatch();
      }
      connection.commit();
    }
  }

  private static void replace(Map<String, Object> row, String from, String to, String... columns) {
    for (String column : columns) {
      if (from.equals(row.get(column))) {
        row.put(column, to);
      }
    }
  }

  private static List<Map<String, Object>> rows(Connection connection, String table, String column, String value)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "select * from " + table + " where " + column + " = ?")) {
      select.setString(1, value);
      try (ResultSet result = select.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i).toUpperCase(java.util.Locale.ROOT), result.getObject(i));
          }
          rows.add(row);
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no rows in " + table + " for " + value);
    }
    return rows;
  }

  private static PreparedStatement insertStatement(Connection connection, String table, Map<String, Object> shape)
      throws SQLException {
    String columns = String.join(", ", shape.keySet());
    String marks = String.join(", ", java.util.Collections.nCopies(shape.size(), "?"));
    return connection.prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")");
  }

  private static void add(PreparedStatement statement, Map<String, Object> row) throws SQLException {
    int i = 1;
    for (Object value : row.values()) {
      statement.setObject(i++, value);
    }
    statement.addBatch();
  }

  private static <T> List<T> times(int count, java.util.function.IntFunction<T> element) {
    List<T> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(element.apply(i));
    }
    return list;
  }
}
