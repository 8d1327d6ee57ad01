package cn.gov.shuozhou.makerspace.calendar;

/**
 * A date falls in a year whose holiday arrangement is not (or not verifiably) in the holiday file.
 * The calendar never guesses: a system administrator adds the State Council notice on the calendar
 * page (or a release adds it to the file) and the step is retried.
 */
public class CalendarDataMissingException extends RuntimeException {

  /** The page on which a system administrator adds next year's notice. */
  public static final String PAGE = "/calendar/";

  private final int year;

  public CalendarDataMissingException(int year) {
    super(
        "工作日历未包含"
            + year
            + "年的节假日安排，请系统管理员在工作日历页面（"
            + PAGE
            + "）补充国务院办公厅通知后重试");
    this.year = year;
  }

  /** The calendar year that is missing. */
  public int getYear() {
    return year;
  }
}
