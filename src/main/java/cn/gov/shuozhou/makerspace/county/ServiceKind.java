package cn.gov.shuozhou.makerspace.county;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of support a service record entry records (Art. 6); their Chinese labels are in the
 * dictionary ({@code static/common/dictionary.json}, table {@value #DICTIONARY}).
 */
public enum ServiceKind {
  policy,
  matching,
  financing,
  training,
  premises,
  other;

  public static final String DICTIONARY = "serviceKind";

  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
