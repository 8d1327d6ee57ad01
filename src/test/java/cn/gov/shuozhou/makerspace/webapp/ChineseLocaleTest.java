package cn.gov.shuozhou.makerspace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Our Chinese translation of each Camunda webapp covers every key of the English locale shipped in
 * the webjar, with the same placeholders; a Camunda upgrade that adds keys fails here.
 */
class ChineseLocaleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseCoversEveryEnglishKeyWithTheSamePlaceholders(String app) throws IOException {
    JsonNode english = shipped(app, "en").get("labels");
    JsonNode chinese = ours(app).get("labels");
    assertThat(keys(chinese)).as("keys of %s zh.json", app).containsExactlyInAnyOrderElementsOf(keys(english));
    List<String> mismatched = new ArrayList<>();
    english.fields().forEachRemaining(e -> {
      if (!placeholders(e.getValue().asText()).equals(placeholders(chinese.get(e.getKey()).asText()))) {
        mismatched.add(e.getKey());
      }
    });
    assertThat(mismatched).as("keys whose {{placeholders}} differ in %s", app).isEmpty();
    long translated = keys(chinese).stream().filter(k -> CJK.matcher(chinese.get(k).asText()).find()).count();
    assertThat(translated).as("Chinese labels in %s", app).isGreaterThan(keys(english).size() * 9L / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreInChinese(String app) throws IOException {
    JsonNode dates = ours(app).get("dateLocales");
    assertThat(dates.get("months").get(0).asText()).isEqualTo("一月");
    assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("星期一");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseIsTheDefaultAndEnglishStaysAvailable(String app) throws IOException {
    // each app's config.js builds on the one shared module (Camunda loads config.js with import())
    String config = read("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js", false);
    assertThat(config).containsPattern("import \\{ (preloadImports, )?webappConfig \\} from '/common/webapp-config.js';")
        .contains("export default webappConfig(");
    assertThat(read("static/common/webapp-config.js", false))
        .contains("locales: { availableLocales: ['zh', 'en'], fallbackLocale: 'zh' }")
        .contains("朔州市众创空间认定与管理");
    assertThat(read("META-INF/resources/webjars/camunda/app/" + app + "/styles/user-styles.css", false))
        .contains(".ce-eol-banner").contains("display: none");
  }

  private static JsonNode shipped(String app, String lang) throws IOException {
    return JSON.readTree(read("META-INF/resources/webjars/camunda/app/" + app + "/locales/" + lang + ".json", true));
  }

  private static JsonNode ours(String app) throws IOException {
    return JSON.readTree(read("META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json", false));
  }

  /** Reads a classpath resource from the Camunda webjar ({@code fromJar}) or from our own resources. */
  private static String read(String path, boolean fromJar) throws IOException {
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + path)) {
      boolean inJar = r.getURL().getProtocol().equals("jar");
      if (inJar == fromJar) {
        try (InputStream in = r.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        }
      }
    }
    throw new IllegalStateException("not on the classpath: " + path + (fromJar ? " (webjar)" : " (ours)"));
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    found.sort(null);
    return found;
  }
}
