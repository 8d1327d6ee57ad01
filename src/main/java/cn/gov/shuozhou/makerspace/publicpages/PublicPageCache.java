package cn.gov.shuozhou.makerspace.publicpages;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rendered public pages (issue 18, "Measured"): a notice list or a registry search costs tens of
 * milliseconds to read and render, and the public asks for the same pages over and over. A page is
 * kept until the engine commits any change ({@link PublicRecordChanges}), and at most {@code ttlMillis}
 * so that another node's changes show up too; the least recently used pages go first when the pages
 * together exceed {@code maxBytes}.
 */
final class PublicPageCache {

  /** One rendered page: its body and the headers it was served with. */
  record Page(String contentType, String contentLanguage, byte[] body, long storedAt) {}

  private final long ttlMillis;
  private final long maxBytes;
  private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private long generation;

  PublicPageCache(long ttlMillis, long maxBytes) {
    this.ttlMillis = ttlMillis;
    this.maxBytes = maxBytes;
  }

  synchronized Page get(String key, long now) {
    Page page = pages.get(key);
    if (page != null && now - page.storedAt() >= ttlMillis) {
      remove(key);
      return null;
    }
    return page;
  }

  /** The generation a page is rendered in: {@link #put} keeps it only if nothing changed meanwhile. */
  synchronized long generation() {
    return generation;
  }

  synchronized void put(String key, Page page, long renderedInGeneration) {
    if (renderedInGeneration != generation || page.body().length > maxBytes) {
      return;
    }
    remove(key);
    pages.put(key, page);
    bytes += page.body().length;
    for (Iterator<Map.Entry<String, Page>> eldest = pages.entrySet().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
      bytes -= eldest.next().getValue().body().length;
      eldest.remove();
    }
  }

  /** Something public may have changed: every page is rendered again. */
  synchronized void invalidate() {
    generation++;
    pages.clear();
    bytes = 0;
  }

  synchronized int size() {
    return pages.size();
  }

  private void remove(String key) {
    Page old = pages.remove(key);
    if (old != null) {
      bytes -= old.body().length;
    }
  }
}
