package cn.gov.shuozhou.makerspace.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The published part of each annual assessment (Art. 8): which certificate, which report year,
 * which grade, decided on which day. Table {@code ms_assessment_result}.
 */
@Repository
public class AssessmentResults {

  /** One year's grade: {@code excellent}, {@code qualified} or {@code unqualified}. */
  public record Result(String certificateNumber, int reportYear, String grade, LocalDate assessedOn) {}

  private final JdbcTemplate jdbc;

  public AssessmentResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Result result) {
    jdbc.update("INSERT INTO ms_assessment_result (certificate_number, report_year, grade, assessed_on) "
            + "VALUES (?, ?, ?, ?)",
        result.certificateNumber(), result.reportYear(), result.grade(), Date.valueOf(result.assessedOn()));
  }

  /** A space's grades, latest year first. */
  public List<Result> of(String certificateNumber) {
    return jdbc.query("SELECT certificate_number, report_year, grade, assessed_on FROM ms_assessment_result "
        + "WHERE certificate_number = ? ORDER BY report_year DESC", (rs, i) -> map(rs), certificateNumber);
  }

  /** Every result of one grade, latest year first. */
  public List<Result> withGrade(String grade) {
    return jdbc.query("SELECT certificate_number, report_year, grade, assessed_on FROM ms_assessment_result "
        + "WHERE grade = ? ORDER BY report_year DESC, certificate_number", (rs, i) -> map(rs), grade);
  }

  private static Result map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Result(rs.getString("certificate_number"), rs.getInt("report_year"), rs.getString("grade"),
        rs.getDate("assessed_on").toLocalDate());
  }
}
