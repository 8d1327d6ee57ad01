package cn.gov.shuozhou.makerspace.statistics;

/**
 * One case behind a number, as the case list shows it (texts as people read them): its number (the
 * application's, or the certificate's or credit code where there is no application), the space, the
 * county, its stage or status, the two dates of the section (e.g. filed and ended) and the outcome.
 */
record CaseRef(String number, String spaceName, String county, String stage, String from, String to,
    String outcome) {

  static final java.util.List<String> HEADERS = java.util.List.of("编号", "众创空间", "县（区）", "环节或状态", "开始日期",
      "结束日期", "结果");
}
