package cn.gov.shuozhou.makerspace.dmn;

import java.util.Set;

/**
 * The one answer to "is this expression language FEEL?", as Camunda's DMN engine decides it: "feel"
 * in any case, or one of the FEEL namespace URIs. Decisions allow nothing else (rule checks and
 * deployments alike).
 */
public final class FeelLanguage {

  private static final Set<String> URIS = Set.of(
      "http://www.omg.org/spec/FEEL/20140401",
      "http://www.omg.org/spec/DMN/20180521/FEEL/",
      "https://www.omg.org/spec/DMN/20191111/FEEL/",
      "https://www.omg.org/spec/DMN/20211108/FEEL/",
      "https://www.omg.org/spec/DMN/20230324/FEEL/");

  private FeelLanguage() {}

  public static boolean isFeel(String language) {
    String value = language == null ? "" : language.trim();
    return value.equalsIgnoreCase("feel") || URIS.contains(value);
  }
}
