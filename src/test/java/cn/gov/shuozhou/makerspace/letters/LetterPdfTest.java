package cn.gov.shuozhou.makerspace.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The generator on its own: long letters go on over pages, and characters the font lacks never fail a step. */
class LetterPdfTest {

  private final LetterPdf pdf = new LetterPdf();

  @Test
  void aLongLetterContinuesOnTheNextPageWithNothingLost() throws Exception {
    List<String> paragraphs = IntStream.rangeClosed(1, 40)
        .mapToObj(i -> i + ". 第四条第（三）项：每月举办不少于规定次数的创业沙龙、创业讲堂、创业训练营、项目路演等活动，第" + i + "项。")
        .toList();
    byte[] bytes = pdf.letter(new LetterContent(LetterKind.SUPPLEMENT_NOTICE, "SQ-2026-000001", null, null,
        "朔州创新创业服务有限公司", paragraphs), "朔科创字〔2026〕7号", LocalDate.of(2026, 3, 2), "朔州市科学技术局");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
    }
    String text = LetterText.of(bytes);
    paragraphs.forEach(p -> assertThat(text).contains(LetterText.squeeze(p)));
    assertThat(text).endsWith("朔州市科学技术局2026年3月2日文书编号：朔科创字〔2026〕7号申请编号：SQ-2026-000001");
    LetterText.assertFontsEmbeddedAsSubsets(bytes);
  }

  @Test
  void aCharacterTheFontLacksPrintsAsABoxAndControlsAsSpaces() {
    byte[] bytes = pdf.letter(new LetterContent(LetterKind.ACCEPTANCE_RECEIPT, "SQ-2026-000002", null, null,
        "朔州\uD83D\uDE00创新有限公司", List.of("申请已受理。\u0007")), "朔科创字〔2026〕8号", LocalDate.of(2026, 3, 2),
        "朔州市科学技术局");
    assertThat(LetterText.of(bytes)).contains("朔州□创新有限公司：").contains("申请已受理。");
  }
}
