package cn.gov.shuozhou.makerspace.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes and reads table {@code ms_stat_case} (the read model, docs/statistics.md). */
@Component
class CaseRows {

  private static final String COLUMNS = "application_number, process_instance_id, county, space_name, credit_code, "
      + "filed_on, ended_on, outcome, reason_code, condition_codes, certificate_number";

  private final JdbcTemplate jdbc;

  CaseRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts or replaces the row of its application number. */
  void put(CaseRow row) {
    jdbc.update("DELETE FROM ms_stat_case WHERE application_number = ?", row.applicationNumber());
    jdbc.update("INSERT INTO ms_stat_case (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.applicationNumber(), row.processInstanceId(), row.county(), row.spaceName(), row.creditCode(),
        date(row.filedOn()), date(row.endedOn()), row.outcome(), row.reasonCode(), row.conditionCodes(),
        row.certificateNumber());
  }

  /** The filing day of an application number's row, if it has one. */
  Optional<LocalDate> filedOn(String applicationNumber) {
    return jdbc.query("SELECT filed_on FROM ms_stat_case WHERE application_number = ?",
        (rs, i) -> rs.getDate(1).toLocalDate(), applicationNumber).stream().findFirst();
  }

  void deleteAll() {
    jdbc.update("DELETE FROM ms_stat_case");
  }

  /** Every row, by application number. */
  List<CaseRow> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM ms_stat_case ORDER BY application_number", (rs, i) -> new CaseRow(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), day(rs.getDate(6)),
        day(rs.getDate(7)), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
