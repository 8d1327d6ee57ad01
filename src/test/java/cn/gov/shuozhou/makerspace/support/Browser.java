package cn.gov.shuozhou.makerspace.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * packages (installed by {@code .ci/run}; locally {@code apt-get install -y chromium chromium-driver
 * fonts-noto-cjk}). Nothing is downloaded: the binaries are given explicitly, so Selenium Manager
 * is never asked (run with {@code SE_OFFLINE=true} all the same).
 *
 * <p>Chinese browser: {@code intl.accept_languages=zh-CN} (headless Chromium ignores {@code --lang}),
 * a 1400×1000 window, a fresh profile directory per browser (deleted on {@link #close()}).
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *   browser.open("http://localhost:" + port + "/rules/");
 *   browser.visible(By.id("login-username")).sendKeys("ruleadmin1");
 *   browser.screenshot(Path.of("docs/images/rules-login.png"));
 * }
 * }</pre>
 *
 * <p>Paths can be overridden with the system properties {@code browser.chromium} and
 * {@code browser.chromedriver} (or the environment variables {@code CHROMIUM_BIN},
 * {@code CHROMEDRIVER_BIN}).
 */
public final class Browser implements AutoCloseable {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int WIDTH = 1400;
  public static final int HEIGHT = 1000;

  private final ChromeDriver driver;
  private final Path profile;
  private final Duration timeout;

  private Browser(ChromeDriver driver, Path profile, Duration timeout) {
    this.driver = driver;
    this.profile = profile;
    this.timeout = timeout;
  }

  /** Debian's Chromium binary (or the override). */
  public static Path chromium() {
    return Path.of(setting("browser.chromium", "CHROMIUM_BIN", "/usr/bin/chromium"));
  }

  /** Debian's ChromeDriver binary (or the override). */
  public static Path chromedriver() {
    return Path.of(setting("browser.chromedriver", "CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
  }

  /** True when both binaries are installed. */
  public static boolean available() {
    return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
  }

  public static Browser start() {
    return start(DEFAULT_TIMEOUT);
  }

  /** Starts a headless Chromium; {@code timeout} is the default of the wait helpers. */
  public static Browser start(Duration timeout) {
    if (!available()) {
      throw new IllegalStateException("Browser tests need Debian's Chromium: " + chromium() + " and "
          + chromedriver() + " (apt-get install -y chromium chromium-driver fonts-noto-cjk)");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=zh-CN",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);

    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver().toFile())
        .usingAnyFreePort()
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Browser(driver, profile, timeout);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Forgets every cookie of every site (WebDriver's deleteAllCookies reaches only the open page's). */
  public void clearCookies() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** Forgets every cached file (scripts, styles, their compiled code), as a browser that never saw the site. */
  public void clearCache() {
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  /** Runs {@code script} at the start of every document opened from now on, before the page's own; returns its id. */
  public String onEveryDocument(String script) {
    return String.valueOf(driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script))
        .get("identifier"));
  }

  /** Stops running the script {@link #onEveryDocument} installed. */
  public void removeFromEveryDocument(String id) {
    driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
  }

  /** A wait with the browser's default timeout. */
  public WebDriverWait await() {
    return await(timeout);
  }

  public WebDriverWait await(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    wait.withMessage(() -> "(browser console: " + consoleLog() + ")");
    return wait;
  }

  /** Waits until the element is displayed and returns it. */
  public WebElement visible(By locator) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until the element is displayed and enabled and returns it. */
  public WebElement clickable(By locator) {
    return await().until(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Waits until the element is in the DOM (displayed or not) and returns it. */
  public WebElement present(By locator) {
    return await().until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  /** Waits until the element's text contains {@code text} and returns the element. */
  public WebElement withText(By locator, String text) {
    await().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }

  /**
   * Signs in on the Camunda webapps' login form that is open (demo password = user id). Angular
   * focuses the user name field late, which can steal the typing of the password: the fields are
   * filled until both hold what was typed, then the form is sent.
   */
  public void signInToWebapp(String user) {
    WebElement name = visible(By.cssSelector("input[ng-model='username']"));
    WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
    await().until(d -> {
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys(user);
      return user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
    });
    click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
  }

  /**
   * Signs out of the open Camunda webapp as its user does: the user menu in the header, 退出登录;
   * returns once the webapp shows its login.
   */
  public void signOutOfWebapp() {
    click(By.cssSelector("li.account > a.dropdown-toggle"));
    click(By.cssSelector("li.account li.logout > a"));
    visible(By.cssSelector("input[ng-model='username']"));
  }

  /**
   * Scrolls the element to the middle of the window, clicks it, returns it. An element replaced before
   * the click reached it (a re-render, a late navigation) is looked up again: that click never happened.
   */
  public WebElement click(By locator) {
    return await().until(d -> {
      WebElement element = clickable(locator);
      try {
        scrollIntoView(element);
        element.click();
        return element;
      } catch (StaleElementReferenceException e) {
        return null;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return null;
        }
        throw e;
      }
    });
  }

  public void scrollIntoView(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
  }

  public Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * Where screenshots go: the build directory, so a test run leaves the docs alone;
   * {@code -Dscreenshots.dir=docs/images} refreshes the images the docs show.
   */
  public static Path screenshots() {
    return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  }

  /** Saves what the window shows as PNG (parent directories are created). */
  public Path screenshot(Path png) {
    return write(png, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Saves the whole page, beyond the window's height, as PNG (Chrome DevTools). */
  public Path fullPageScreenshot(Path png) {
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
    return write(png, Base64.getDecoder().decode((String) shot.get("data")));
  }

  /** Saves one element as PNG. */
  public Path screenshot(WebElement element, Path png) {
    scrollIntoView(element);
    return write(png, element.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Latin-alphabet words in {@code text} that a user would have to read (issue 13 §2: every text
   * in Chinese). Identifiers are not words: a token that mixes letters with digits (user ids such
   * as expert1, credit codes, application numbers SQ-2026-000001) passes, so does a lower-case key,
   * file name or path (certification-policy, annual-assessment.dmn, /calendar/),
   * and so do the names of {@link #LATIN_ALLOWED}.
   */
  public static List<String> latinWords(String text) {
    return TOKEN.matcher(text).results()
        .map(MatchResult::group)
        .filter(token -> !token.matches(".*\\d.*") && !IDENTIFIER.matcher(token).matches())
        .flatMap(token -> LATIN_WORD.matcher(token).results().map(MatchResult::group))
        .filter(word -> !LATIN_ALLOWED.contains(word))
        .toList();
  }

  /**
   * The Latin-alphabet words ({@link #latinWords(String)}) the open page shows in its body, but for
   * those it marks up as identifiers ({@code <code>}: e.g. the variable names beside their Chinese
   * meaning in the auditor's history) or as the users' own text ({@code data-user-text}: the names
   * an applicant gave its files).
   */
  public List<String> latinWordsOnPage() {
    return latinWordsIn(driver.findElement(By.tagName("body")));
  }

  /** The same ({@link #latinWordsOnPage()}) for one part of the page, e.g. a table. */
  public List<String> latinWordsIn(WebElement part) {
    Set<String> identifiers = part.findElements(By.cssSelector("code, [data-user-text]")).stream()
        .flatMap(code -> latinWords(code.getText()).stream()).collect(Collectors.toSet());
    return latinWords(part.getText()).stream()
        .filter(word -> !identifiers.contains(word)).toList();
  }

  /**
   * How far {@code part} reaches past what shows it, in pixels (0 or less: it is seen whole without
   * scrolling sideways): past the right edge of its nearest box that scrolls or clips sideways (else
   * the window), past its own width, or the page's sideways scrolling.
   */
  public long sidewaysAround(WebElement part) {
    return ((Number) js("const part = arguments[0]; let edge = document.documentElement.clientWidth;"
        + " for (let e = part.parentElement; e; e = e.parentElement) {"
        + "   if (getComputedStyle(e).overflowX !== 'visible') {"
        + "     edge = Math.min(edge, e.getBoundingClientRect().left + e.clientLeft + e.clientWidth); break; } }"
        + " return Math.ceil(Math.max(part.getBoundingClientRect().right - edge, part.scrollWidth - part.clientWidth,"
        + "   document.documentElement.scrollWidth - document.documentElement.clientWidth));", part)).longValue();
  }

  /**
   * The Latin-alphabet words in what a screen reader or a hover says of a Camunda Form's controls,
   * which the page's text does not show: names, tooltips and placeholders, and the tag list's skip link.
   * The bpmn.io watermark ("Powered by bpmn.io") stays as its license requires it.
   */
  public List<String> latinWordsInFormControlNames() {
    String names = (String) js("return [...document.querySelectorAll('.fjs-container [aria-label],"
        + " .fjs-container [title], .fjs-container [placeholder]')].filter(e => !e.matches('.fjs-powered-by-link'))"
        + ".flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean))"
        + ".concat([...document.querySelectorAll('.fjs-skip-link')].map(e => e.textContent)).join('\\n');");
    return latinWords(names);
  }

  /**
   * Proper names and identifiers without digits that stay in Latin letters: the demo administrator's
   * user id; the file formats the upload accepts and the units of file sizes, as Chinese pages write
   * them (只接收PDF、JPEG、PNG文件, 不超过 10 MB); on the rule page, the names of the standards its
   * rules are written in (DMN 文件, 条件使用 FEEL 书写).
   */
  public static final Set<String> LATIN_ALLOWED = Set.of("admin", "PDF", "JPEG", "PNG", "DMN", "FEEL", "KB", "MB");

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@/-]*");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z]+([-/.][a-z]+)+/?|[a-z]+([-/.][a-z]+)*/");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  /** The browser console since the last call (errors of the page's scripts show up here). */
  public List<String> consoleLog() {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(LogEntry::toString)
          .toList();
    } catch (RuntimeException e) {
      return List.of("(console log unavailable: " + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  private static Path write(Path png, byte[] bytes) {
    try {
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.write(png, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String setting(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
