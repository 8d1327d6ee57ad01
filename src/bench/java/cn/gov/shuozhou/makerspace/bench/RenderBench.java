package cn.gov.shuozhou.makerspace.bench;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.KEY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;

import cn.gov.shuozhou.makerspace.identity.TaskFilters;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Section 9: the pages staff and applicants use, rendered in a real browser with
 * {@code bench.render.tasks} (1,000) open tasks in one group (issue 13, "Measured"). The seeding
 * files that many applications of 朔城区 through the test driver, all by one organisation (its
 * portal lists them all), and has {@code shuocheng1} complete a few first reviews (已办); then the
 * packaged application ({@code java -jar}, H2 file or PostgreSQL) serves a headless Chromium
 * (support/Browser), which takes {@code bench.render.samples} samples of each page: the time from
 * navigation (a fresh document each time) until the page shows what its user came for, by the page's
 * own clock (bench/PageClock).
 *
 * <p>One browser, one profile: like a staff member's own browser, each sample finds in its cache what
 * the earlier visits left there, and the server's {@code Cache-Control} decides what it may use
 * without asking. {@code tasklistGroupColdCache} empties the cache before each sample (the first
 * visit of a new browser; the session stays), for comparison.
 *
 * <p>Beside the pages, over HTTP: the rule page's question which running cases a new version of a
 * decision would still decide ({@code runningCases.*}), with every seeded case running (no
 * supervision is seeded, so {@code annual-assessment} finds none).
 */
public final class RenderBench {

  static final String DB = "bench_render";
  static final String NAME = "基准第%d号众创空间";
  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final String COCKPIT = "/camunda/app/cockpit/default/";

  public static void main(String[] args) throws Exception {
    String database = args[0];
    int open = Config.integer("bench.render.tasks", 1000);
    int done = Config.integer("bench.render.done", 20);
    int notices = Config.integer("bench.render.notices", 5);
    int samples = Config.integer("bench.render.samples", 10);
    Results results = new Results();
    String p = "render." + database + ".";
    Path h2 = Config.freshDatabase("render", database, DB);
    try {
      long t0 = System.nanoTime();
      Seeded seeded;
      try (AppNode node = (database.equals("h2") ? AppNode.h2File(h2, "render-seed") : AppNode.postgres(Pg.url(DB), "render-seed"))
          .start()) {
        seeded = seed(new CertificationDriver(node.engine()), open, done, notices);
      }
      results.put(p + "seedSeconds", (System.nanoTime() - t0) / 1e9);
      results.put(p + "tasks", open);
      String noJobs = "--camunda.bpm.job-execution.enabled=false";
      try (AppProcess app = database.equals("h2") ? AppProcess.startH2("render-h2", List.of("-Xmx1g"), h2, noJobs)
          : AppProcess.start("render-pg", List.of("-Xmx1g"), DB, List.of(noJobs));
          Browser browser = Browser.start(Duration.ofSeconds(60))) {
        results.put(p + "loadAverage", Machine.loadAverage());
        Map<String, Object> pages = measure(app, browser, seeded, samples);
        pages.forEach((page, outcome) -> {
          if (outcome instanceof Timing timing) {
            timing.rendered().report(results, p + page + ".");
            timing.polled().report(results, p + page + ".polled.");
          } else {
            results.put(p + page + ".failed", outcome);
          }
        });
        results.put(p + "samples", samples);
        runningCases(app.baseUrl(), results, p + "runningCases.", samples * 2);
        results.put(p + "loadAverageEnd", Machine.loadAverage());
      }
    } finally {
      if (database.equals("pg")) {
        Pg.drop(DB);
      }
    }
    results.save(Config.out().resolve("results").resolve("render-" + database + ".properties"));
    System.exit(0);
  }

  /** The organisation account that filed all applications, and the certification model's definition. */
  record Seeded(String applicant, String definitionId, String openSpace) {}

  static Seeded seed(CertificationDriver driver, int open, int done, int notices) {
    String creditCode = CertificationDriver.creditCode(90, 1);
    String applicant = null;
    for (int i = 1; i <= open + done; i++) {
      Map<String, Object> application = CertificationDriver.namedApplication(String.format(NAME, i));
      application.put(CREDIT_CODE, creditCode);
      String id = driver.apply(application).getId();
      applicant = driver.applicantOf(application);
      if (i <= done) {
        driver.work(id, TASK_FIRST_REVIEW, "shuocheng1", Map.of(FIRST_REVIEW_DECISION, "approve"), null);
      }
      if (i % 100 == 0) {
        Log.info("%d applications filed", i);
      }
    }
    for (int i = 1; i <= notices; i++) {
      driver.inPublicNoticeAsStaff("公示第" + i + "号众创空间");
    }
    return new Seeded(applicant, driver.engine().getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(KEY).latestVersion().singleResult().getId(), String.format(NAME, open + done));
  }

  /** Samples of every page by page name, or why a page could not be measured. */
  static Map<String, Object> measure(AppProcess app, Browser browser, Seeded seeded, int samples) throws Exception {
    String base = app.baseUrl();
    Http county = new Http(base + "/engine-rest", "shuocheng1");
    JsonNode filters = county.get("/filter?resourceType=Task&name="
        + URLEncoder.encode(TaskFilters.MY_GROUP_TASKS, StandardCharsets.UTF_8));
    String groupFilter = filters.get(0).get("id").asText();
    JsonNode someTasks = county.get("/task?candidateGroups=county-shuocheng&taskDefinitionKey=" + TASK_FIRST_REVIEW
        + "&maxResults=" + samples);
    String definition = seeded.definitionId();
    String applicant = seeded.applicant();

    Map<String, Object> pages = new LinkedHashMap<>();
    // what each page's user came for, as the page itself checks it (PageClock)
    String card = "[...document.querySelectorAll('.tasks-list li')].some(li => li.textContent.includes('基准第'))";
    String form = "document.querySelector('.task-details .fjs-container .fjs-form')";
    String list = base + TASKLIST + "#/?filter=" + groupFilter;
    Function<Integer, String> taskForm = i -> list + "&task=" + someTasks.get(i % someTasks.size()).get("id").asText();
    By listed = By.xpath("//*[contains(@class,'tasks-list')]//li[contains(., '基准第')]");

    JsonNode todo = county.get("/filter?resourceType=Task&name="
        + URLEncoder.encode(TaskFilters.MY_TASKS, StandardCharsets.UTF_8));
    AtomicInteger nth = new AtomicInteger();

    signIn(browser, base + TASKLIST, "shuocheng1", By.cssSelector("[cam-tasks]"));
    timed(pages, "tasklistGroup", () -> sample(browser, samples, i -> list, card));
    timed(pages, "tasklistGroupColdCache", () -> sample(browser, samples, browser::clearCache, i -> list, card));
    timed(pages, "taskForm", () -> sample(browser, samples, taskForm, form));
    // the same pages reloaded (F5): a new document in the browser's process of the open page
    timed(pages, "tasklistGroupReload", () -> sampleReload(browser, samples, i -> list, card));
    timed(pages, "taskFormReload", () -> sampleReload(browser, samples, taskForm, form));
    // within the open Tasklist, as a user goes on working: another filter, then a card of the list
    timed(pages, "tasklistGroupInApp", () -> sampleAction(browser, samples,
        base + TASKLIST + "#/?filter=" + todo.get(0).get("id").asText(),
        By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')][contains(.,'" + TaskFilters.MY_TASKS + "')]"),
        b -> b.click(By.xpath("//div[contains(@class,'task-filter')][.//a[contains(.,'" + TaskFilters.MY_GROUP_TASKS + "')]]")),
        card));
    timed(pages, "taskFormInApp", () -> sampleAction(browser, samples, list, listed,
        b -> b.click(By.cssSelector(".tasks-list > li:nth-child(" + (nth.getAndIncrement() % 10 + 1) + ") .clickable")),
        form));
    timed(pages, "done", () -> sampleAction(browser, samples, list, listed, b -> b.click(By.cssSelector("a.ms-done-link")),
        "document.querySelector('.ms-done-panel table tbody tr')"));
    timed(pages, "search", () -> sampleAction(browser, samples, list, listed, b -> {
      WebElement box = b.visible(By.cssSelector(".ms-quick-search-input"));
      box.clear();
      box.sendKeys(seeded.openSpace());
      b.click(By.cssSelector(".ms-quick-search button[type='submit']"));
    }, "(cards => cards.length === 1 && cards[0].textContent.includes('" + seeded.openSpace() + "'))("
        + "[...document.querySelectorAll('.tasks-list li')].filter(li => li.textContent.includes('基准第')))"));

    String historyRows = "document.querySelector('.audit-instances tbody tr')";
    By historyTab = By.xpath("//a[@ng-click='selectTab(tabProvider)'][normalize-space()='历史']");
    String history = base + COCKPIT + "#/process-definition/" + definition + "/runtime?detailsTab=audit-history-tab";
    timed(pages, "cockpitHistory", () -> {
      signIn(browser, base + COCKPIT, "auditor1", By.cssSelector(".audit-dashboard"));
      return sample(browser, samples, i -> history, historyRows);
    });
    timed(pages, "cockpitHistoryReload", () -> sampleReload(browser, samples, i -> history, historyRows));
    timed(pages, "cockpitHistoryInApp", () -> sampleAction(browser, samples,
        base + COCKPIT + "#/process-definition/" + definition + "/runtime", historyTab, b -> b.click(historyTab),
        historyRows));

    timed(pages, "portal", () -> {
      browser.open("about:blank");
      browser.clearCookies();
      browser.open(base + "/portal/");
      browser.visible(By.id("login-username")).sendKeys(applicant);
      browser.driver().findElement(By.id("login-password")).sendKeys(applicant);
      browser.click(By.id("login-submit"));
      browser.visible(By.cssSelector(".application"));
      return sample(browser, samples, i -> base + "/portal/", "document.querySelector('.application')");
    });

    timed(pages, "publicNotices", () -> sample(browser, samples, i -> base + "/public/notices",
        "document.querySelector('#notices tbody tr, #empty')"));
    return pages;
  }

  /**
   * What the rule page asks when a rule is opened (rules/RunningCases): which running cases a new version
   * of each decision would still decide, with every seeded case running, as a rule administrator.
   */
  static void runningCases(String base, Results results, String prefix, int samples) {
    Http rules = new Http(base + "/api/rules", "ruleadmin1");
    for (String key : List.of("article4-eligibility", "required-materials", "annual-assessment")) {
      Latency latency = new Latency();
      try {
        JsonNode answer = null;
        for (int i = 0; i < samples; i++) {
          long t0 = System.nanoTime();
          answer = rules.get("/" + key + "/running-cases");
          latency.add(System.nanoTime() - t0);
        }
        results.put(prefix + key + ".cases", answer.get("cases").asInt());
        latency.report(results, prefix + key + ".");
      } catch (Http.HttpError | java.io.UncheckedIOException e) {
        results.put(prefix + key + ".failed", e.getMessage()); // the pages' results are kept
      }
    }
  }

  /** A page's samples: by the page's clock (the measure), and as WebDriver's polling saw them (PageClock). */
  record Timing(Latency rendered, Latency polled) {

    Timing() {
      this(new Latency(), new Latency());
    }

    void add(long t0Millis, long t0Nanos, long renderedAtMillis) {
      rendered.add((renderedAtMillis - t0Millis) * 1_000_000L);
      polled.add(System.nanoTime() - t0Nanos);
    }
  }

  /** Measures one page; a page that fails (a timeout) is reported as such and the others still run. */
  private static void timed(Map<String, Object> pages, String page, Supplier<Timing> sampling) {
    try {
      pages.put(page, sampling.get());
      Log.info("%s measured", page);
    } catch (RuntimeException e) {
      Log.info("%s FAILED: %s", page, e.toString().lines().findFirst().orElse(""));
      pages.put(page, e.getClass().getSimpleName());
    }
  }

  private static void signIn(Browser browser, String app, String user, By ready) {
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(app);
    browser.signInToWebapp(user);
    browser.visible(ready);
  }

  /** Opens {@code url(i)} in a fresh document and times it until {@code ready} holds; one unmeasured visit first. */
  private static Timing sample(Browser browser, int samples, Function<Integer, String> url, String ready) {
    return sample(browser, samples, () -> { }, url, ready);
  }

  /** The same, with {@code before} done before each visit (unmeasured). */
  private static Timing sample(Browser browser, int samples, Runnable before, Function<Integer, String> url,
      String ready) {
    return timedVisits(browser, samples, ready, i -> {
      browser.open("about:blank");
      before.run();
    }, i -> browser.open(url.apply(i)));
  }

  /** Opens {@code url(i)}, waits until {@code ready} holds, then times a reload until it holds again. */
  private static Timing sampleReload(Browser browser, int samples, Function<Integer, String> url, String ready) {
    return timedVisits(browser, samples, ready, i -> {
      browser.open("about:blank");
      browser.open(url.apply(i));
      PageClock.await(browser);
    }, i -> browser.driver().navigate().refresh());
  }

  /** Does {@code prepare(i)}, then times {@code visit(i)} until {@code ready} holds in the new document; one unmeasured round first. */
  private static Timing timedVisits(Browser browser, int samples, String ready, IntConsumer prepare, IntConsumer visit) {
    Timing timing = new Timing();
    String observer = browser.onEveryDocument(PageClock.observer(ready));
    try {
      for (int i = -1; i < samples; i++) {
        prepare.accept(Math.max(0, i));
        long t0 = System.currentTimeMillis();
        long n0 = System.nanoTime();
        visit.accept(Math.max(0, i));
        long rendered = PageClock.await(browser);
        if (i >= 0) {
          timing.add(t0, n0, rendered);
        }
      }
    } finally {
      browser.removeFromEveryDocument(observer);
    }
    return timing;
  }

  /** Opens the list, then times {@code action} (a click, a search) until {@code ready} holds. */
  private static Timing sampleAction(Browser browser, int samples, String list, By listReady,
      Consumer<Browser> action, String ready) {
    Timing timing = new Timing();
    for (int i = -1; i < samples; i++) {
      browser.open("about:blank");
      browser.open(list);
      browser.await().until(d -> !d.findElements(listReady).isEmpty());
      browser.js(PageClock.observer(ready));
      long t0 = System.currentTimeMillis();
      long n0 = System.nanoTime();
      action.accept(browser);
      long rendered = PageClock.await(browser);
      if (i >= 0) {
        timing.add(t0, n0, rendered);
      }
    }
    return timing;
  }
}
