package cn.gov.shuozhou.makerspace.statistics;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's filters: the year and the period (days, both ends included) in which cases were
 * filed, and the county; each may be absent. {@link #read} refuses unknown parameters, an unknown
 * county, a year out of range and a reversed period, naming each field in Chinese.
 */
record Filters(Integer year, String county, LocalDate from, LocalDate to) {

  /** The first year of the measures (朔科发〔2016〕13号); the last one allowed is next year. */
  static final int FIRST_YEAR = 2016;
  static final List<String> NAMES = List.of("year", "county", "from", "to");

  /** The filters among {@code parameters}; the names in {@code others} are the caller's own. */
  static Filters read(Map<String, String> parameters, Set<String> others, int currentYear) {
    List<FieldError> errors = new ArrayList<>();
    parameters.keySet().stream().filter(n -> !NAMES.contains(n) && !others.contains(n)).sorted()
        .forEach(n -> errors.add(new FieldError(n, "不接受参数 " + n + "：可用的筛选条件为年度（year）、县（区）（county）、起始日期（from）和截止日期（to）")));
    Integer year = null;
    String yearText = blankToNull(parameters.get("year"));
    if (yearText != null) {
      try {
        year = Integer.valueOf(yearText);
      } catch (NumberFormatException e) {
        errors.add(new FieldError("year", "年度（year）应为四位数字的年份"));
      }
      if (year != null && (year < FIRST_YEAR || year > currentYear + 1)) {
        errors.add(new FieldError("year", "年度（year）应在" + FIRST_YEAR + "年至" + (currentYear + 1) + "年之间"));
        year = null;
      }
    }
    String county = blankToNull(parameters.get("county"));
    if (county != null && County.nameOf(county) == null) {
      errors.add(new FieldError("county", "县（区）（county）不是朔州市的县（区）代码：" + String.join("、", County.codes())));
    }
    LocalDate from = day(parameters.get("from"), "from", "起始日期", errors);
    LocalDate to = day(parameters.get("to"), "to", "截止日期", errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError("to", "截止日期（to）不能早于起始日期"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Filters(year, county, from, to);
  }

  /** The first day counted: the later of the year's first day and {@code from}. */
  LocalDate firstDay() {
    LocalDate yearStart = year == null ? null : LocalDate.of(year, 1, 1);
    return later(yearStart, from);
  }

  /** The last day counted: the earlier of the year's last day and {@code to}. */
  LocalDate lastDay() {
    LocalDate yearEnd = year == null ? null : LocalDate.of(year, 12, 31);
    if (yearEnd == null || to == null) {
      return yearEnd == null ? to : yearEnd;
    }
    return yearEnd.isBefore(to) ? yearEnd : to;
  }

  /** The filters as query parameters (links to the cases behind a number keep them). */
  Map<String, String> asParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (year != null) {
      p.put("year", year.toString());
    }
    if (county != null) {
      p.put("county", county);
    }
    if (from != null) {
      p.put("from", from.toString());
    }
    if (to != null) {
      p.put("to", to.toString());
    }
    return p;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate day(String text, String name, String label, List<FieldError> errors) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, label + "（" + name + "）应为日期，格式如 2026-12-06"));
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
