package cn.gov.shuozhou.makerspace.common;

import java.util.Arrays;
import java.util.List;

/** Shuozhou's counties and districts and the development zone (Art. 2: the space must be in one). */
public enum County {
  shuocheng("朔城区"),
  pinglu("平鲁区"),
  huairen("怀仁市"),
  shanyin("山阴县"),
  yingxian("应县"),
  youyu("右玉县"),
  devzone("朔州经济开发区");

  private final String displayName;

  County(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** The Chinese name of a county code, or null when the value is no county's code. */
  public static String nameOf(Object code) {
    return code instanceof String c && codes().contains(c) ? valueOf(c).displayName() : null;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
