package cn.gov.shuozhou.makerspace.letters;

import java.util.List;

/**
 * What a step says in its letter, before it has a number: the kind, the case, the addressee and
 * the paragraphs of the body (each may hold several lines, one per {@code \n}).
 */
public record LetterContent(LetterKind kind, String applicationNumber, String certificateNumber, String creditCode,
    String addressee, List<String> paragraphs) {

  public LetterContent {
    paragraphs = List.copyOf(paragraphs);
  }
}
