package cn.gov.shuozhou.makerspace.calendar;

/**
 * A date falls in a year whose holiday arrangement is not (or not verifiably) in the holiday file.
 * The calendar never guesses: a system administrator adds the State Council notice on the calendar
 * page (or a release adds it to the file) and the step is retried.
 */
public class CalendarDataMissingException extends RuntimeException {

  /** The page on which a system administrator adds next year's notice. */
  public static final String PAGE = "/calendar/";

  /** Where the message sends the system administrator when it is read anywhere but on {@link #PAGE}. */
  static final String ON_THE_PAGE = "在工作日历页面（" + PAGE + "）";

  private final int year;

  public CalendarDataMissingException(int year) {
    super(message(year, ON_THE_PAGE));
    this.year = year;
  }

  /**
   * The message with the place named as its reader needs it: the calendar page shows the same
   * reminder, and there "go to the calendar page (/calendar/)" would send the reader where they are.
   */
  static String message(int year, String where) {
    return "工作日历未包含" + year + "年的节假日安排，请系统管理员" + where + "补充国务院办公厅通知后重试";
  }

  /** The calendar year that is missing. */
  public int getYear() {
    return year;
  }
}
