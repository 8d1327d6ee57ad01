package cn.gov.shuozhou.makerspace.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a letter back: its text (whitespace removed, for comparison) and its fonts. */
final class LetterText {

  private LetterText() {}

  /** The PDF's text without any whitespace (line breaks depend on the layout, not the wording). */
  static String of(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return squeeze(new PDFTextStripper().getText(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String squeeze(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }

  /** The text a letter must show: heading, number, title, addressee, body, signature, footer. */
  static String expected(LetterSummary letter, String addressee, List<String> paragraphs) {
    return squeeze("朔州市科学技术局" + letter.documentNumber() + letter.title() + addressee + "：" + String.join("", paragraphs)
        + "朔州市科学技术局" + Dates.chinese(letter.issuedOn()) + "文书编号：" + letter.documentNumber() + "申请编号："
        + letter.applicationNumber());
  }

  /**
   * Renders the first page to {@code <screenshots.dir>/<name>.png} (target/screenshots; with
   * {@code -Dscreenshots.dir=docs/images} the documentation's images) and returns the share of dark
   * pixels, so a test sees that glyphs were drawn from the embedded font, not blank boxes.
   */
  static double renderPng(byte[] pdf, String name) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 96);
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
      long dark = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
            dark++;
          }
        }
      }
      return (double) dark / ((long) image.getWidth() * image.getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every font of every page is embedded, and as a subset (name prefix "ABCDEF+"). */
  static void assertFontsEmbeddedAsSubsets(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Set<String> fonts = new TreeSet<>();
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(n -> assertThat(n).matches("[A-Z]{6}\\+.*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
