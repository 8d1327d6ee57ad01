package cn.gov.shuozhou.makerspace.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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
   * {@code linked} when it counts cases, which {@link #cases} then lists. The list is made only when
   * asked for (the cases behind one number, the campaign's reminders), not for every dashboard.
   */
  record Cell(Number value, String text, @JsonIgnore Supplier<List<CaseRef>> behind) {

    static <T> Cell count(List<T> items, Function<? super T, CaseRef> ref) {
      List<T> counted = List.copyOf(items);
      return new Cell(counted.size(), String.valueOf(counted.size()), () -> counted.stream().<CaseRef>map(ref).toList());
    }

    /** A count made apart from its cases, which {@code behind} reads when they are listed. */
    static Cell count(int count, Supplier<List<CaseRef>> behind) {
      return new Cell(count, String.valueOf(count), behind);
    }

    static Cell count(List<CaseRef> cases) {
      return count(cases, Function.identity());
    }

    static Cell number(Number value, String text) {
      return new Cell(value, text, null);
    }

    /** The cases behind a count; null for another value. */
    List<CaseRef> cases() {
      return behind == null ? null : behind.get();
    }

    @JsonProperty("linked")
    public boolean linked() {
      return behind != null;
    }
  }
}
