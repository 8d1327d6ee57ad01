package cn.gov.shuozhou.makerspace.audit;

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
 * ACT_HI_PROCINST row and all its ACT_HI_VARINST rows), so that list queries can be measured with
 * tens of thousands of instances without running them all. The copies get their own ids, business
 * keys, times and the given variable values; everything else is the template's.
 */
final class HistoryClones {

  private final DataSource dataSource;

  HistoryClones(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What one copy differs in. */
  record Copy(String businessKey, LocalDateTime start, LocalDateTime end, Map<String, String> textVariables) {}

  /** Inserts one copy of {@code templateInstanceId} per element of {@code copies}. */
  void insert(String templateInstanceId, List<Copy> copies) throws SQLException {
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

  static <T> List<T> times(int count, java.util.function.IntFunction<T> element) {
    List<T> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(element.apply(i));
    }
    return list;
  }
}
