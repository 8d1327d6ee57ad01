package cn.gov.shuozhou.makerspace.publicnotice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The 18-character resident identity number of GB 11643: a real birth date and its check character. */
public final class ResidentId {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private ResidentId() {}

  /** The number in its canonical form (check character X upper case), or null when it is not valid. */
  public static String canonical(String text) {
    String id = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    if (!id.matches("\\d{17}[\\dX]")) {
      return null;
    }
    try {
      LocalDate birth = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
      if (birth.getYear() < 1900) {
        return null;
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11) == id.charAt(17) ? id : null;
  }
}
