package cn.gov.shuozhou.makerspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What browsers may keep of the Camunda webapps (security/WebappCachingFilter, docs/performance.md
 * §9): Camunda's versioned files for a year, our files beside them and the pages only after asking
 * again, the webapps' API answers never.
 */
class WebappCachingHttpTest extends AbstractHttpTest {

  private static final String BUST = "?bust=" + ProductPropertiesUtil.getProductVersion();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/camunda/lib/deps.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
      "/camunda/app/cockpit/camunda-cockpit-bootstrap.css", "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js"})
  void camundasVersionedFilesAreKeptForAYear(String path) {
    HttpResponse<String> r = get(path + BUST);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=31536000, immutable");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // the pages (with their script nonce) and the configuration Camunda asks for with a timestamp
      "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/tasklist/scripts/config.js?bust=1796571297086",
      // ours beside Camunda's, asked for with Camunda's version: they change with our releases
      "/camunda/app/tasklist/scripts/staff-tasks.js?bust=VERSION", "/camunda/app/tasklist/locales/zh.json?bust=VERSION",
      "/common/session.js", "/common/dictionary.json",
      // Camunda's file without its version in the URL
      "/camunda/lib/deps.js", "/camunda/lib/deps.js?bust=1.0.0"})
  void pagesConfigurationAndOurOwnFilesAreRevalidatedOnEveryUse(String path) {
    HttpResponse<String> r = get(path.replace("?bust=VERSION", BUST));
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/common/session.js", "/camunda/app/tasklist/scripts/staff-tasks.js"})
  void anUnchangedFileOfOursCostsA304(String path) {
    HttpResponse<String> first = get(path + BUST);
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();
    HttpResponse<String> again = send(HttpRequest.newBuilder(uri(path + BUST)).header("If-Modified-Since", modified).GET());
    assertThat(again.statusCode()).as(path).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theWebappsApiAnswersAreNeverKept() {
    WebappSession staff = webapp();
    HttpResponse<String> login = staff.login("shuocheng1", "tasklist");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
    for (String path : new String[] {"/camunda/api/admin/auth/user/default", "/camunda/api/engine/engine/",
        "/camunda/api/engine/engine/default/task?maxResults=5", "/camunda/api/engine/engine/default/filter"}) {
      HttpResponse<String> r = staff.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
    }
  }

  @Test
  void scriptsTravelCompressedButApiAnswersDoNot() {
    HttpResponse<byte[]> script = gzip("/camunda/lib/deps.js" + BUST);
    assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(script.body().length).isLessThan(2_000_000);
    HttpResponse<byte[]> api = gzip("/camunda/api/engine/engine/");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Encoding")).isEmpty();
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<byte[]> gzip(String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
          .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
