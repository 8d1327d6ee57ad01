package cn.gov.shuozhou.makerspace.calendar;

/**
 * A date falls in a year whose holiday arrangement is not (or not verifiably) in the holiday file.
 * The calendar never guesses: the administrator adds the State Council notice and retries.
 */
public class CalendarDataMissingException extends RuntimeException {

  private final int year;

  public CalendarDataMissingException(int year) {
    super(
        "工作日历未包含"
            + year
            + "年的节假日安排，请在 "
            + WorkingDayCalendar.RESOURCE
            + " 中补充国务院办公厅通知后重试");
    this.year = year;
  }

  /** The calendar year that is missing. */
  public int getYear() {
    return year;
  }
}
