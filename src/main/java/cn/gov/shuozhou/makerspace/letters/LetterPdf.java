package cn.gov.shuozhou.makerspace.letters;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The one PDF generator of letters and certificates. The Chinese font ships inside the application
 * ({@code fonts/NotoSansSC_400Regular.ttf}, SIL OFL 1.1) and is embedded as a subset of the glyphs a
 * document uses, so a letter reads the same on a machine without any Chinese font. The font file is
 * read once and parsed once per thread: fontbox's {@link TrueTypeFont} may serve one document after
 * another but is not safe to share between threads (docs/performance.md, section 6).
 */
@Component
public class LetterPdf {

  static final String FONT = "fonts/NotoSansSC_400Regular.ttf";
  private static final Color RED = new Color(0xC8, 0x10, 0x2E);
  private static final float MARGIN = 72;
  private static final float BODY_SIZE = 13;
  private static final float LEADING = BODY_SIZE * 1.9f;
  /** Closing punctuation may hang past the margin instead of starting a line. */
  private static final String NO_LINE_START = "，。、；：？！）》」』”’%";

  private final byte[] font;
  private final ThreadLocal<Glyphs> parsed = ThreadLocal.withInitial(this::parse);

  public LetterPdf() {
    try (InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("字体文件缺失：" + FONT);
      }
      this.font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A letter on A4 portrait: authority heading, document number, title, addressee, body, signature. */
  public byte[] letter(LetterContent content, String documentNumber, LocalDate issuedOn, String authority) {
    return render(content.kind().title(), (doc, f) -> {
      Page page = new Page(doc, f, PDRectangle.A4);
      float width = page.width();
      page.centered(authority, 26, RED, 64);
      page.rule(RED, 1.5f, 14);
      page.centered(documentNumber, 12, Color.BLACK, 26);
      page.centered(content.kind().title(), 22, Color.BLACK, 46);
      page.skip(12);
      page.left(content.addressee() + "：", BODY_SIZE, LEADING);
      for (String paragraph : content.paragraphs()) {
        for (String line : paragraph.split("\n")) {
          for (String wrapped : page.wrap("　　" + line.strip(), BODY_SIZE, width - 2 * MARGIN)) {
            page.left(wrapped, BODY_SIZE, LEADING);
          }
        }
      }
      page.skip(LEADING * 1.5f);
      page.right(authority, BODY_SIZE, LEADING);
      page.right(Dates.chinese(issuedOn), BODY_SIZE, LEADING);
      page.footer("文书编号：" + documentNumber + "　申请编号：" + content.applicationNumber(), 9);
      page.close();
    });
  }

  /** The certificate on A4 landscape, with a QR code linking to {@code verifyUrl}. */
  public byte[] certificate(CertificateContent c, String verifyUrl, String authority) {
    return render(LetterKind.CERTIFICATE.title(), (doc, f) -> {
      PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
      Page page = new Page(doc, f, landscape);
      page.frame(RED, 24, 3f);
      page.frame(RED, 32, 0.8f);
      page.centered("朔州市众创空间", 38, RED, 108);
      page.centered("证　书", 26, Color.BLACK, 48);
      page.skip(10);
      String text = c.operatorName() + "运营的“" + c.spaceName() + "”，经审核，符合《朔州市众创空间认定和管理办法》"
          + "规定的条件，认定为朔州市众创空间。";
      for (String line : page.wrap("　　" + text, 16, page.width() - 2 * 110)) {
        page.leftAt(line, 16, 30, 110);
      }
      page.skip(10);
      for (String field : List.of("证书编号：" + c.certificateNumber(), "空间名称：" + c.spaceName(),
          "运营机构：" + c.operatorName(), "空间地址：" + c.spaceAddress(),
          "认定日期：" + Dates.chinese(c.certifiedOn()), "有效期至：" + Dates.chinese(c.validUntil()))) {
        page.leftAt(field, 13, 22, 150);
      }
      page.qr(verifyUrl, 70, 70, 96);
      page.textAt("扫码查验证书状态", 9, 70, 58);
      page.textRightAt(authority, 16, page.width() - 110, 110);
      page.textRightAt(Dates.chinese(c.certifiedOn()), 14, page.width() - 110, 84);
      page.close();
    });
  }

  private interface Drawing {
    void draw(PDDocument doc, Glyphs font) throws IOException;
  }

  private byte[] render(String title, Drawing drawing) {
    try (PDDocument doc = new PDDocument()) {
      Glyphs shared = parsed.get();
      // a subset of the glyphs this document uses is embedded when it is saved
      Glyphs f = new Glyphs(shared.ttf(), PDType0Font.load(doc, shared.ttf(), true), shared.has());
      doc.getDocumentInformation().setTitle(title);
      doc.getDocumentInformation().setCreator("众创空间认定与管理系统");
      drawing.draw(doc, f);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("文书生成失败", e);
    }
  }

  /** The parsed font, its embedding in one document (null while not embedded) and which code points it can print. */
  private record Glyphs(TrueTypeFont ttf, PDType0Font font, IntPredicate has) {}

  private Glyphs parse() {
    try {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      return new Glyphs(ttf, null, cp -> cmap.getGlyphId(cp) != 0);
    } catch (IOException e) {
      throw new UncheckedIOException("字体文件无法解析：" + FONT, e);
    }
  }

  /** A page being written top-down; starts a new page of the same size when the body runs over. */
  private static final class Page {
    private final PDDocument doc;
    private final PDType0Font font;
    private final IntPredicate hasGlyph;
    private final PDRectangle size;
    private PDPageContentStream cs;
    private float y;
    private int number;

    Page(PDDocument doc, Glyphs glyphs, PDRectangle size) throws IOException {
      this.doc = doc;
      this.font = glyphs.font();
      this.hasGlyph = glyphs.has();
      this.size = size;
      next();
    }

    float width() {
      return size.getWidth();
    }

    private void next() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(size);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = size.getHeight() - MARGIN / 2;
      number++;
    }

    void skip(float points) {
      y -= points;
    }

    void centered(String text, float fontSize, Color color, float advance) throws IOException {
      y -= advance;
      text = printable(text);
      textAt(text, fontSize, (width() - textWidth(text, fontSize)) / 2, y, color);
    }

    void left(String text, float fontSize, float advance) throws IOException {
      leftAt(text, fontSize, advance, MARGIN);
    }

    void leftAt(String text, float fontSize, float advance, float x) throws IOException {
      if (y - advance < MARGIN) {
        next();
        y -= MARGIN / 2;
      }
      y -= advance;
      textAt(printable(text), fontSize, x, y, Color.BLACK);
    }

    void right(String text, float fontSize, float advance) throws IOException {
      if (y - advance < MARGIN) {
        next();
      }
      y -= advance;
      textRightAt(text, fontSize, width() - MARGIN - fontSize * 2, y);
    }

    void textRightAt(String text, float fontSize, float rightX, float atY) throws IOException {
      text = printable(text);
      textAt(text, fontSize, rightX - textWidth(text, fontSize), atY, Color.BLACK);
    }

    void textAt(String text, float fontSize, float x, float atY) throws IOException {
      textAt(printable(text), fontSize, x, atY, Color.BLACK);
    }

    private void textAt(String text, float fontSize, float x, float atY, Color color) throws IOException {
      cs.beginText();
      cs.setNonStrokingColor(color);
      cs.setFont(font, fontSize);
      cs.newLineAtOffset(x, atY);
      cs.showText(text);
      cs.endText();
    }

    void rule(Color color, float thickness, float advance) throws IOException {
      y -= advance;
      cs.setStrokingColor(color);
      cs.setLineWidth(thickness);
      cs.moveTo(MARGIN, y);
      cs.lineTo(width() - MARGIN, y);
      cs.stroke();
    }

    void frame(Color color, float inset, float thickness) throws IOException {
      cs.setStrokingColor(color);
      cs.setLineWidth(thickness);
      cs.addRect(inset, inset, width() - 2 * inset, size.getHeight() - 2 * inset);
      cs.stroke();
    }

    void footer(String text, float fontSize) throws IOException {
      text = printable(text);
      textAt(text, fontSize, MARGIN, MARGIN / 2, Color.GRAY);
    }

    /** A QR code drawn as vector squares: sharp at any zoom and in print. */
    void qr(String content, float x, float bottom, float side) throws IOException {
      BitMatrix m;
      try {
        m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
      } catch (WriterException e) {
        throw new IllegalArgumentException("二维码内容无法编码：" + content, e);
      }
      float cell = side / m.getWidth();
      cs.setNonStrokingColor(Color.BLACK);
      for (int row = 0; row < m.getHeight(); row++) {
        for (int col = 0; col < m.getWidth(); col++) {
          if (m.get(col, row)) {
            cs.addRect(x + col * cell, bottom + side - (row + 1) * cell, cell, cell);
          }
        }
      }
      cs.fill();
    }

    /** Breaks a line into lines no wider than {@code max}, character by character (Chinese has no spaces). */
    List<String> wrap(String text, float fontSize, float max) throws IOException {
      text = printable(text);
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        if (line.length() > 0 && textWidth(line + ch, fontSize) > max && NO_LINE_START.indexOf(cp) < 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(ch);
        i += Character.charCount(cp);
      }
      lines.add(line.toString());
      return lines;
    }

    private float textWidth(String text, float fontSize) throws IOException {
      return font.getStringWidth(text) / 1000 * fontSize;
    }

    /** Characters the font lacks (rare ones, controls) print as □ instead of failing the step. */
    private String printable(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(cp -> out.appendCodePoint(
          Character.isISOControl(cp) ? ' ' : hasGlyph.test(cp) ? cp : '□'));
      return out.toString();
    }

    void close() throws IOException {
      cs.close();
    }
  }
}
