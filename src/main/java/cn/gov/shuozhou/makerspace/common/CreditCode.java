package cn.gov.shuozhou.makerspace.common;

/** Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters, last one a check character. */
public final class CreditCode {

  public static final int LENGTH = 18;
  /** What follows "统一社会信用代码（creditCode）" when a code is invalid. */
  public static final String DEFECT = "无效：应为18位数字或大写字母（不含I、O、S、V、Z），且最后一位校验码须正确";
  /** The refusal of an invalid {@code creditCode}, wherever one is entered. */
  public static final String INVALID = "统一社会信用代码（creditCode）" + DEFECT;

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return code.charAt(17) == checkCharacter(code.substring(0, 17));
  }

  /** The check character for the first 17 characters (which must use the code's alphabet). */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return ALPHABET.charAt(c == 31 ? 0 : c);
  }
}
