package cn.gov.shuozhou.makerspace.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One section of the dashboard: its title, the Chinese headers of its columns (the first is the
 * rows' label), its rows, and for each count the cases behind it. The JSON answer, the page, the
 * CSV and the xlsx are all rendered from these objects, so an export holds exactly what the page
 * shows (docs/statistics.md).
 */
record StatTable(String key, String title, String note, List<String> headers, List<Row> rows) {

  record Row(String label, List<Cell> cells) {}

  /**
   * A value as shown ({@code text}) and as a number for the chart ({@code value}, null for none);
   * {@code linked} when {@link #cases} lists the cases behind it.
   */
  record Cell(Number value, String text, @JsonIgnore List<CaseRef> cases) {

    static Cell count(List<CaseRef> cases) {
      return new Cell(cases.size(), String.valueOf(cases.size()), List.copyOf(cases));
    }

    static Cell number(Number value, String text) {
      return new Cell(value, text, null);
    }

    @JsonProperty("linked")
    public boolean linked() {
      return cases != null;
    }
  }
}
