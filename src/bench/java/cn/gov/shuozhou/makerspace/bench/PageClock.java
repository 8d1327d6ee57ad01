package cn.gov.shuozhou.makerspace.bench;

import cn.gov.shuozhou.makerspace.support.Browser;

/**
 * When a page is rendered, by the page's own clock (section 9). A {@code MutationObserver} notes
 * {@code Date.now()} in the first animation frame after the page holds what its user came for (a
 * JavaScript condition), i.e. the frame that paints it; the harness subtracts the moment it asked for
 * the page or did the action. WebDriver's own polling (every 100 ms, each poll a round trip through
 * chromedriver that waits for the page's busy main thread) saw that moment late, by up to 0.27 s at
 * p95 in the runs of docs/performance.md section 9; it is kept beside as {@code polled}.
 */
final class PageClock {

  private static final String MARK = "window.__benchRenderedAt";

  private PageClock() {}

  /**
   * The observer for {@code condition}. Installed in a document that already meets it, it marks -1,
   * which {@link #await} refuses: an action whose result was there before it measures nothing.
   */
  static String observer(String condition) {
    return "(() => { const ready = () => { try { return !!(" + condition + "); } catch (e) { return false; } };"
        + " if (document.documentElement && ready()) { " + MARK + " = -1; return; }"
        + " " + MARK + " = 0;"
        + " const observer = new MutationObserver(() => { if (ready()) { observer.disconnect();"
        + " requestAnimationFrame(() => { " + MARK + " = Date.now(); }); } });"
        + " observer.observe(document, {childList: true, subtree: true, characterData: true}); })();";
  }

  /** Waits until the page marked its rendering and returns that moment (epoch milliseconds). */
  static long await(Browser browser) {
    Number mark = browser.await().until(d -> {
      Number at = (Number) browser.js("return " + MARK + " || 0;");
      if (at.longValue() < 0) {
        throw new IllegalStateException("the page showed the result before the action");
      }
      return at.longValue() > 0 ? at : null;
    });
    return mark.longValue();
  }
}
