package cn.gov.shuozhou.makerspace.letters;

import java.time.LocalDate;

/** Dates as a letter writes them: 2026年3月2日. */
final class Dates {

  private Dates() {}

  static String chinese(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }
}
