package cn.gov.shuozhou.makerspace.common;

import java.util.Arrays;
import java.util.List;

/** Shuozhou's counties and districts and the development zone (Art. 2: the space must be in one). */
public enum County {
  shuocheng,
  pinglu,
  huairen,
  shanyin,
  yingxian,
  youyu,
  devzone;

  /** The Chinese name, from the one dictionary of readable values (static/common/dictionary.json). */
  public String displayName() {
    return ReadableValues.label("county", name());
  }

  /** The Chinese name of a county code, or null when the value is no county's code. */
  public static String nameOf(Object code) {
    return code instanceof String c && codes().contains(c) ? valueOf(c).displayName() : null;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
