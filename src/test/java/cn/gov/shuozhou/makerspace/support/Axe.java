package cn.gov.shuozhou.makerspace.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (Deque's accessibility engine, {@code axe.min.js} from the test dependency
 * {@code com.deque.html.axe-core:selenium}) run in the open page: issue 13 §5 asks for 0 serious or
 * critical violations on our own pages and forms. Camunda's own webapp chrome is not ours to fix, so
 * a Tasklist check names the form's container as the context.
 */
public final class Axe {

  private static final String SCRIPT = load();

  private Axe() {}

  /** The serious and critical violations in the whole page, one line each: rule, impact, elements. */
  public static List<String> seriousViolations(Browser browser) {
    return seriousViolations(browser, "document");
  }

  /** The same within the first element matching {@code cssSelector}. */
  public static List<String> seriousViolations(Browser browser, String cssSelector) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(SCRIPT);
    }
    String context = "document".equals(cssSelector) ? "document" : "document.querySelector(arguments[0])";
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(%s, {resultTypes: ['violations']})
          .then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """.formatted(context), cssSelector);
    return found;
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js missing: test dependency com.deque.html.axe-core:selenium");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
