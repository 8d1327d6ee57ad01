package cn.gov.shuozhou.makerspace.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Values as people read them: codes as their Chinese labels, dates as 2026年12月6日 14:30, ratios as
 * 2/3（67%）. The labels come from the one dictionary that our pages and the Cockpit plugin read as
 * well ({@value #DICTIONARY}, served as {@code /common/dictionary.json}).
 */
public final class ReadableValues {

  public static final String DICTIONARY = "static/common/dictionary.json";
  private static final Map<String, Map<String, String>> LABELS = load();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private ReadableValues() {}

  /** The label of {@code code} in the dictionary's table {@code kind} (e.g. county); the code itself when unknown. */
  public static String label(String kind, Object code) {
    String text = String.valueOf(code);
    return LABELS.getOrDefault(kind, Map.of()).getOrDefault(text, text);
  }

  /**
   * Someone's sentence quoted inside a composed text: without its closing punctuation (。；，.), which
   * the composition adds itself; the notices read "限期整改。；整改复核…" and "合格。。" before.
   */
  public static String clause(String text) {
    return text == null ? null : text.strip().replaceAll("[。．.；;，,、\\s]+$", "");
  }

  /** "2/3（67%）"; "0/0" for an empty whole. */
  public static String ratio(long part, long whole) {
    return whole == 0 ? part + "/0" : "%d/%d（%d%%）".formatted(part, whole, Math.round(part * 100.0 / whole));
  }

  /** "2026年12月6日 14:30" (Beijing time). */
  public static String dateTime(Date date) {
    return DATE_TIME.format(date.toInstant());
  }

  /** "2026年12月6日"; empty for none. */
  public static String date(LocalDate day) {
    return day == null ? "" : DATE.format(day);
  }

  /** "80", "85.5": a number without trailing zeros. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** "1,000,000 元": an amount of money with its digits grouped, as readable.js {@code amount} writes it. */
  public static String amount(double value) {
    DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return grouped.format(value) + " 元";
  }

  private static Map<String, Map<String, String>> load() {
    try (InputStream in = ReadableValues.class.getClassLoader().getResourceAsStream(DICTIONARY)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DICTIONARY);
      }
      return Map.copyOf(new ObjectMapper().readValue(in, new TypeReference<Map<String, Map<String, String>>>() {}));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable " + DICTIONARY, e);
    }
  }
}
