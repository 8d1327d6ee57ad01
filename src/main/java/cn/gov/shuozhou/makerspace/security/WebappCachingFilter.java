package cn.gov.shuozhou.makerspace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers may keep what the Camunda webapps load ({@code /camunda/**}) and our shared
 * front-end toolkit ({@code /common/**}). Camunda sets no {@code Cache-Control} itself, so browsers
 * guessed from {@code Last-Modified}: a freshly started server made them revalidate or re-download
 * the webapp on every page, a long-running one let them keep our own scripts after a release.
 *
 * <ul>
 *   <li>Camunda's own files (from its webjar, including its built-in plugins) asked for with
 *       {@code ?bust=<Camunda version>}: the URL changes with the version, so they may be kept a year
 *       without asking again ({@link #IMMUTABLE});
 *   <li>everything else that is static (the pages, {@code config.js}, our scripts and translations
 *       that live beside Camunda's, {@code /common/**}): kept but revalidated on every use
 *       ({@link #REVALIDATE}, a 304 when unchanged), so a release shows at once;
 *   <li>the webapps' API ({@code /camunda/api/**} except plugin files): answers carry users' tasks and
 *       applicants' data, so nobody keeps them ({@link #PRIVATE}), as on our own API.
 * </ul>
 */
public class WebappCachingFilter extends OncePerRequestFilter {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  static final String PRIVATE = "no-store";

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  /** A file only Camunda's webjar has: where it lies tells where Camunda's files lie. */
  private static final String WEBJAR_MARKER = WEBJAR + "lib/deps.js";
  private static final Set<String> WEBJAR_FOLDERS = Set.of("app", "lib", "assets");
  /** {@code /camunda/api/<app>/plugin/<app>Plugins/static/<file>}: the built-in plugins, in the webjar. */
  private static final Pattern BUILT_IN_PLUGIN = Pattern.compile("/camunda/api/(\\w+)/plugin/\\1Plugins/static/(.+)");
  private static final Pattern PLUGIN_FILE = Pattern.compile("/camunda/api/\\w+/plugin/\\w+/static/.+");

  private final String version = ProductPropertiesUtil.getProductVersion();
  private final String webjarRoot;
  /** Files found so far, Camunda's or ours (a bounded set: only files that exist are kept). */
  private final Map<String, Boolean> camundaFiles = new ConcurrentHashMap<>();

  public WebappCachingFilter() {
    URL marker = classLoader().getResource(WEBJAR_MARKER);
    webjarRoot = marker == null ? null : marker.toString().substring(0, marker.toString().length() - WEBJAR_MARKER.length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", policy(request));
    chain.doFilter(request, response);
  }

  private String policy(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean pluginFile = PLUGIN_FILE.matcher(path).matches();
    if (path.startsWith("/camunda/api/") && !pluginFile) {
      return PRIVATE;
    }
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    return read && ("bust=" + version).equals(request.getQueryString()) && isCamundas(path) ? IMMUTABLE : REVALIDATE;
  }

  /** True when the file served for {@code path} is one of Camunda's, not one of ours beside them. */
  private boolean isCamundas(String path) {
    String resource = webjarResource(path);
    if (resource == null || webjarRoot == null) {
      return false;
    }
    Boolean known = camundaFiles.get(resource);
    if (known != null) {
      return known;
    }
    URL url = classLoader().getResource(resource);
    if (url == null) {
      return false;
    }
    boolean camundas = url.toString().startsWith(webjarRoot);
    camundaFiles.put(resource, camundas);
    return camundas;
  }

  private static String webjarResource(String path) {
    Matcher plugin = BUILT_IN_PLUGIN.matcher(path);
    if (plugin.matches()) {
      return "META-INF/resources/plugin/" + plugin.group(1) + "/" + plugin.group(2);
    }
    String[] parts = path.split("/", 4);
    boolean webjarFile = parts.length == 4 && parts[1].equals("camunda") && WEBJAR_FOLDERS.contains(parts[2])
        && !parts[3].contains("..");
    return webjarFile ? WEBJAR + parts[2] + "/" + parts[3] : null;
  }

  private static ClassLoader classLoader() {
    return WebappCachingFilter.class.getClassLoader();
  }
}
