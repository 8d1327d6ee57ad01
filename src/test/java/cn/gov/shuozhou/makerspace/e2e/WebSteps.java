package cn.gov.shuozhou.makerspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.materials.Multipart;
import cn.gov.shuozhou.makerspace.support.Axe;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.util.FileSystemUtils;

/**
 * The steps of a journey through the web pages, each by the demo user whose role it is: staff sign in
 * to Tasklist (after 退出登录 of the colleague before, when Tasklist is open), open a task from its
 * link, claim, fill the Camunda Form, complete; applicants work
 * only on their portal (我的申请): file with their materials, open a case's task there, fill it,
 * upload, submit. The engine is only read (which task is next, where the case went), never driven,
 * except by {@link #passTimer}.
 *
 * <p>Every step checks the page it leaves: no Latin-alphabet word visible ({@link Browser#latinWords})
 * and no serious or critical axe-core violation in the form ({@link Axe}). On demand
 * ({@link #SCREENSHOTS}) it also saves a screenshot {@code e2e/<journey>-NN-<step>.png} under
 * {@link Browser#screenshots()} ({@code -Dscreenshots.dir=docs/images} writes them into the docs).
 */
final class WebSteps {

  /**
   * The switch {@code -De2e.screenshots=true}: a screenshot of every step. Off by default: a few hundred
   * screenshots cost the suite tens of seconds that a run which checks pages does not need.
   */
  static final boolean SCREENSHOTS = Boolean.getBoolean("e2e.screenshots");

  /** The forms and pages axe-core has checked in this run. */
  private static final Set<String> AXE_CHECKED = ConcurrentHashMap.newKeySet();

  /** A task's Camunda Form in Tasklist. */
  private static final By FORM = By.cssSelector(".task-details .fjs-container .fjs-form");

  private final Browser browser;
  private final ProcessEngine engine;
  private final String root;
  private final String journey;
  private final AtomicInteger step = new AtomicInteger();
  /** The entries typed and ticked into the open form. */
  private final List<Entry> entries = new ArrayList<>();

  WebSteps(Browser browser, ProcessEngine engine, int port, String journey) {
    this.browser = browser;
    this.engine = engine;
    this.root = "http://localhost:" + port;
    this.journey = journey;
  }

  Browser browser() {
    return browser;
  }

  String url(String path) {
    return root + path;
  }

  /** Signs in to Tasklist as {@code user} (password = user id) in a fresh session. */
  void signIn(String user) {
    signInAt(user, "#/");
    browser.visible(By.cssSelector("[cam-tasks]"));
  }

  /**
   * Follows a link to the task as {@code user} in a fresh session: Tasklist asks for the login, then shows
   * the task, as {@link #openTask} does.
   */
  void openTaskAs(String user, Task task) {
    signInAt(user, "#/?task=" + task.getId());
    formThenClaim(List.of());
  }

  private void signInAt(String user, String fragment) {
    entries.clear();
    if (browser.driver().getCurrentUrl().startsWith(url("/camunda/app/tasklist/"))
        && !browser.driver().findElements(By.cssSelector("li.account")).isEmpty()) {
      // the colleague before signs out (退出登录) in the same window, as on a shared office computer:
      // Tasklist shows its login without starting anew, and leads to the link's page after it
      browser.signOutOfWebapp();
      browser.js("location.hash = arguments[0];", fragment);
    } else {
      // a fresh document: Tasklist keeps the previous user in memory across a mere change of the hash
      browser.open("about:blank");
      browser.clearCookies();
      load(fragment, By.cssSelector("input[ng-model='username']"));
    }
    browser.signInToWebapp(user);
  }

  /**
   * Opens Tasklist at {@code fragment} until {@code ready} shows: on a busy machine RequireJS gives
   * up loading a plugin module after 7 s ("Load timeout for modules"), and a reload then works.
   */
  private void load(String fragment, By ready) {
    for (int attempt = 1; ; attempt++) {
      browser.open(url("/camunda/app/tasklist/default/" + fragment));
      try {
        browser.await(Duration.ofSeconds(40)).until(d -> !d.findElements(ready).isEmpty()
            && d.findElement(ready).isDisplayed());
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Opens the task as its card's link does (in the Tasklist already open, a new address in the same
   * document; else a new document) and waits for its form; claims it when it is offered.
   */
  void openTask(Task task) {
    entries.clear();
    String fragment = "#/?task=" + task.getId();
    String at = browser.driver().getCurrentUrl();
    if (at.startsWith(url("/camunda/app/tasklist/")) && !at.endsWith(fragment)) {
      List<WebElement> shown = browser.driver().findElements(FORM);
      browser.js("location.hash = arguments[0];", fragment);
      formThenClaim(shown);
    } else {
      load(fragment, FORM);
      formThenClaim(List.of());
    }
  }

  /** Waits for the task's form (not the {@code previous} one), and claims the task when it is offered. */
  private void formThenClaim(List<WebElement> previous) {
    browser.await(Duration.ofSeconds(40)).until(d -> previous.stream().allMatch(WebSteps::isStale)
        && !d.findElements(FORM).isEmpty() && d.findElement(FORM).isDisplayed());
    if (!browser.driver().findElements(By.cssSelector("button.claim")).isEmpty()) {
      // the form stays as it is and becomes editable: what is typed next is kept (refill() checks)
      browser.click(By.cssSelector("button.claim"));
      browser.visible(By.cssSelector(".task-details button[ng-click='complete()']:not([disabled])"));
      browser.await().until(d -> d.findElements(By.cssSelector(".task-details .disabled-form")).isEmpty());
    }
  }

  private static boolean isStale(WebElement element) {
    try {
      element.isDisplayed();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    }
  }

  /** What the form field whose id ends with {@code fieldId} (input or text area) shows. */
  String shown(String fieldId) {
    return browser.present(By.cssSelector(".fjs-container input[id$='" + fieldId + "'], .fjs-container textarea[id$='"
        + fieldId + "']")).getDomProperty("value");
  }

  /** Types into the form field whose id ends with {@code fieldId} (input or text area). */
  void type(String fieldId, String text) {
    By locator = By.cssSelector(
        ".fjs-container input[id$='" + fieldId + "'], .fjs-container textarea[id$='" + fieldId + "']");
    settle(() -> {
      WebElement field = browser.visible(locator);
      browser.scrollIntoView(field);
      field.clear();
      // a new line by Shift+Enter: a bare Enter may reach Tasklist's own key handling
      String[] lines = text.split("\\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          field.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        }
        field.sendKeys(lines[i]);
      }
      // form-js takes typed text a moment later (debounced) unless the field loses focus: a form
      // rendered anew in that moment, or sent, would lack it
      browser.js("arguments[0].blur();", field);
    }, () -> text.equals(browser.driver().findElement(locator).getDomProperty("value")));
  }

  /** Clicks the check box or radio button whose id ends with {@code inputId}. */
  void tick(String inputId) {
    By locator = By.cssSelector(".fjs-container input[id$='" + inputId + "']");
    settle(() -> {
      WebElement input = browser.present(locator);
      browser.scrollIntoView(input);
      input.click();
    }, () -> browser.driver().findElement(locator).isSelected());
  }

  /**
   * Does {@code action} until {@code done} holds, and remembers both: Tasklist may render the form
   * anew while it is being filled, so {@link #refill()} checks every entry again before it is sent.
   */
  private void settle(Runnable action, BooleanSupplier done) {
    Entry entry = new Entry(action, done);
    entries.add(entry);
    fill(List.of(entry));
  }

  /** Re-does every entry of the open form that no longer holds, until all hold. */
  void refill() {
    fill(entries);
  }

  private void fill(List<Entry> toFill) {
    browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
      toFill.stream().filter(entry -> !entry.done().getAsBoolean()).forEach(entry -> entry.action().run());
      return toFill.stream().allMatch(entry -> entry.done().getAsBoolean());
    });
  }

  /** One entry of a form: what was done, and how to see that the form still holds it. */
  private record Entry(Runnable action, BooleanSupplier done) {}

  /** Ticks the check box whose id ends with {@code inputId} unless it is ticked already (a form's default). */
  void tickOn(String inputId) {
    WebElement input = browser.present(By.cssSelector(".fjs-container input[id$='" + inputId + "']"));
    if (!input.isSelected()) {
      browser.scrollIntoView(input);
      input.click();
    }
  }

  /** Chooses the radio option labelled {@code label}. */
  void choose(String label) {
    By option = By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']");
    // the form may still be laying out: click once nothing covers the option
    browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
      browser.click(option);
      return true;
    });
  }

  /** Chooses {@code option} in the select field whose id ends with {@code fieldId}. */
  void select(String fieldId, String option) {
    browser.click(By.cssSelector(".fjs-container [id$='" + fieldId + "-display']"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']"));
  }

  /** Adds each user to the taglist (the expert picker) by typing and clicking the offered option. */
  void pick(String... users) {
    for (String user : users) {
      WebElement picker = browser.visible(By.cssSelector(".fjs-taglist-input"));
      browser.scrollIntoView(picker);
      browser.js("arguments[0].focus();", picker);
      picker.sendKeys(user);
      // the list re-renders while it filters: click the option once it holds still
      By option = By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '" + user + "')]");
      browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
        d.findElement(option).click();
        return true;
      });
    }
    browser.await().until(d -> d.findElements(By.cssSelector(".fjs-taglist-tag")).size() == users.length);
  }

  /** Checks and records the filled form, then completes the task and waits until the engine has it. */
  void complete(String name, Task task) {
    refill();
    checkPage(name, task.getTaskDefinitionKey(), ".task-details .fjs-container");
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    browser.await().until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
  }

  /**
   * The page speaks Chinese and the part that is ours ({@code axeContext}, a CSS selector, or
   * "document" for a page of our own) has no serious accessibility violation; then the screenshot.
   */
  void checkPage(String name, String axeContext) {
    checkPage(name, name, axeContext);
  }

  /**
   * As {@link #checkPage(String, String)}; axe-core (seconds per page) runs once per {@code form}
   * in the whole run: the journeys fill the same forms again, with other values.
   */
  private void checkPage(String name, String form, String axeContext) {
    // Angular translates a moment after rendering: give it a little time, then name what is left
    try {
      browser.await(Duration.ofSeconds(3)).until(d -> browser.latinWordsOnPage().isEmpty()
          && browser.latinWordsInFormControlNames().isEmpty());
    } catch (TimeoutException e) {
      assertThat(browser.latinWordsOnPage()).as("Latin words on %s", name).isEmpty();
      assertThat(browser.latinWordsInFormControlNames()).as("Latin words naming the form's controls on %s", name).isEmpty();
    }
    if (AXE_CHECKED.add(form)) {
      assertThat(Axe.seriousViolations(browser, axeContext)).as("axe-core on %s", name).isEmpty();
    }
    screenshot(name);
  }

  /** Saves what the window shows as the journey's next step {@code name}, when {@link #SCREENSHOTS} is on. */
  void screenshot(String name) {
    if (!SCREENSHOTS) {
      return;
    }
    browser.screenshot(Browser.screenshots().resolve(Path.of("e2e",
        "%s-%02d-%s.png".formatted(journey, step.incrementAndGet(), name))));
  }

  /**
   * The one shortcut: time. The engine clock is moved just past the due date of the instance's
   * next timer and the due job executed, as the job executor would when that day comes; then the clock
   * is reset. The clock is the whole engine's: while it is moved the job executor finds the timer due
   * too, and whichever of the two runs it second fails on the concurrent update (an optimistic-locking
   * failure, or a null execution when the other run has already ended it); it is tried again until
   * the timer is gone. Asynchronous continuations that follow run on the job executor as usual.
   */
  void passTimer(String processInstanceId) {
    passTimer(processInstanceId, null);
  }

  /** As {@link #passTimer(String)}, for the instance's timer of {@code activityId} (null: its next timer). */
  void passTimer(String processInstanceId, String activityId) {
    Job timer = browser.await().until(d -> {
      var timers = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers();
      return (activityId == null ? timers : timers.activityId(activityId)).orderByJobDuedate().asc().list().stream()
          .findFirst().orElse(null);
    });
    try {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
      browser.await().ignoreAll(List.of(OptimisticLockingException.class, NullPointerException.class)).until(d -> {
        if (engine.getManagementService().createJobQuery().jobId(timer.getId()).count() > 0) {
          engine.getManagementService().executeJob(timer.getId());
        }
        return true;
      });
    } finally {
      ClockUtil.reset();
    }
  }

  // ------------------------------------------------------------------ the applicant's portal

  /** Signs in to the portal (我的申请) as the organisation account {@code user} (password = user id), in a fresh session. */
  void signInToPortal(String user) {
    entries.clear();
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(url("/portal/"));
    browser.visible(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), user);
  }

  /**
   * 在线申报 on the signed-in portal: fills the application form with {@code application} (field
   * name → value: choices first, as they show and hide fields), uploads a small generated PDF for
   * each required item of the checklist it lists, files; returns the application number it shows.
   */
  String fileOnPortal(Map<String, Object> application) {
    browser.click(By.id("apply-open"));
    browser.visible(applyField("operatorName"));
    // what kind of field each name is, asked once: a WebDriver round trip per question is seconds per filing
    Map<String, String> kinds = fieldKinds(application.keySet());
    application.forEach((name, value) -> {
      if (value instanceof Boolean ticked) {
        WebElement box = browser.present(applyField(name));
        if (box.isSelected() != ticked) {
          browser.scrollIntoView(box);
          box.click();
        }
      } else if ("radio".equals(kinds.get(name))) {
        browser.click(By.cssSelector("#apply-form input[name='" + name + "'][value='" + value + "']"));
      } else if ("select".equals(kinds.get(name))) {
        browser.click(By.cssSelector("#apply-form select[name='" + name + "'] option[value='" + value + "']"));
      }
    });
    // the choices above show and hide fields: type into those shown now
    Map<String, String> shown = fieldKinds(application.keySet());
    application.forEach((name, value) -> {
      if (!(value instanceof Boolean) && "text".equals(shown.get(name))) {
        WebElement field = browser.driver().findElement(applyField(name));
        field.clear();
        field.sendKeys(plain(value));
      }
    });
    browser.visible(By.cssSelector("#apply-materials tr.material-item"));
    List<String> required = browser.driver().findElements(By.cssSelector("#apply-materials tr.material-item")).stream()
        .filter(row -> row.getText().contains("必需")).map(row -> row.getDomAttribute("data-code")).toList();
    assertThat(required).as("the checklist's required items").isNotEmpty();
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < required.size(); i++) {
      files.put(required.get(i), "申报材料" + (i + 1) + ".pdf");
    }
    upload(By.id("apply-materials"), files);
    checkPage("apply", "document");
    browser.click(By.id("apply-submit"));
    String number = browser.visible(By.cssSelector("#apply-done .apply-number")).getText();
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).as("the keyboard's place: the confirmation")
        .isEqualTo("apply-done");
    assertThat(browser.driver().findElement(By.id("apply-done")).getText())
        .contains("已随申请提交的材料（" + required.size() + " 份）");
    screenshot("applied");
    return number;
  }

  /**
   * 在线申报 on the signed-in portal that is not accepted (the end event notAccepted): the portal
   * answers 不予受理 with each of {@code reason}, and 我的申请 lists the case with the reason and its
   * 不予受理通知书. Returns the application number.
   */
  String fileNotAcceptedOnPortal(Map<String, Object> application, String... reason) {
    browser.open(url("/portal/"));
    String number = fileOnPortal(application);
    assertThat(browser.visible(By.id("apply-done")).getText()).as("the answer to the filing")
        .contains("不予受理").contains(reason);
    checkPage("apply-not-accepted", "#apply-done");
    assertThat(letterOnPortal("not-accepted-letter", number, "NOT_ACCEPTED_NOTICE")).as("the case on 我的申请")
        .contains("不予受理", "不予受理通知书").contains(reason);
    return number;
  }

  private static By applyField(String name) {
    return By.cssSelector("#apply-form [name='" + name + "']");
  }

  /**
   * The kind of the application form's field of each name: checkbox, radio or select; text for a
   * text field or area on show; hidden for one not on show.
   */
  @SuppressWarnings("unchecked")
  private Map<String, String> fieldKinds(Set<String> names) {
    return (Map<String, String>) browser.js("""
        const kinds = {};
        for (const name of arguments[0]) {
          const field = document.querySelector(`#apply-form [name='${name}']`);
          const type = field.type;
          kinds[name] = type === 'checkbox' || type === 'radio' ? type : field.tagName === 'SELECT' ? 'select'
              : field.offsetParent === null ? 'hidden' : 'text';
        }
        return kinds;""", List.copyOf(names));
  }

  /** A number as people type it (260, not 260.0). */
  private static String plain(Object value) {
    return value instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
        : value.toString();
  }

  /**
   * Uploads a generated PDF named {@code fileName} (digits, not Latin words: the page shows it) for
   * item {@code code} with the upload control of the item's row inside {@code within}, and waits
   * until the row lists it.
   */
  void upload(By within, String code, String fileName) {
    upload(within, Map.of(code, fileName));
  }

  /**
   * Uploads a generated PDF for each item (code → file name) as a person does: one file chosen after
   * the other, each sent as soon as it is chosen; then waits until every row lists its file.
   */
  void upload(By within, Map<String, String> files) {
    Path folder;
    try {
      folder = Files.createTempDirectory("e2e-materials");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (Map.Entry<String, String> item : files.entrySet()) {
        Path file = Files.write(folder.resolve(item.getValue()), Multipart.pdf(journey + item.getValue()));
        // the table is drawn anew as each earlier upload ends: a control replaced meanwhile is found again
        browser.await().ignoring(StaleElementReferenceException.class).until(d -> {
          d.findElement(within).findElement(row(item.getKey())).findElement(By.cssSelector("input.material-input"))
              .sendKeys(file.toString());
          return true;
        });
      }
      files.forEach((code, fileName) -> browser.await().ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElement(within).findElement(row(code)).getText().contains(fileName)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      FileSystemUtils.deleteRecursively(folder.toFile());
    }
  }

  private static By row(String code) {
    return By.cssSelector("tr.material-item[data-code='" + code + "']");
  }

  /**
   * Opens the applicant's task as the portal offers it: 我的申请 lists the case with a 去办理 link
   * to the task's form on the case page. Returns the form's locator.
   */
  By openOnPortal(Task task) {
    browser.open(url("/portal/"));
    browser.click(By.cssSelector("a.do-task[href$='#task-" + task.getId() + "']"));
    By form = By.id("task-" + task.getId());
    browser.visible(form);
    return form;
  }

  /**
   * Fills the portal task form with {@code values} (key → value) as a person would: check boxes and
   * radio buttons first (they show and hide fields), then the text; keys the form has no field for
   * (or shows none for) are left out.
   */
  void fillOnPortal(Task task, Map<String, Object> values) {
    String form = "#task-" + task.getId() + " ";
    values.forEach((key, value) -> {
      if (value instanceof Boolean ticked) {
        browser.driver().findElements(By.cssSelector(form + "#field-" + key)).forEach(box -> {
          if (box.isSelected() != ticked) {
            browser.scrollIntoView(box);
            box.click();
          }
        });
      } else if (value instanceof String option) {
        browser.driver().findElements(By.cssSelector(form + "input[type='radio'][name='" + key + "'][value='" + option
            + "']")).forEach(radio -> {
          browser.scrollIntoView(radio);
          radio.click();
        });
      }
    });
    values.forEach((key, value) -> browser.driver().findElements(By.cssSelector(form + "input#field-" + key + ", "
        + form + "textarea#field-" + key)).stream().filter(field -> !(value instanceof Boolean) && field.isDisplayed())
        .forEach(field -> {
          browser.scrollIntoView(field);
          field.clear();
          field.sendKeys(plain(value));
        }));
  }

  /** Checks the portal page and sends the task's form; waits until the page confirms it and the engine has it. */
  void submitOnPortal(String name, Task task) {
    checkPage(name, "portal-" + task.getTaskDefinitionKey(), "#task-" + task.getId());
    browser.click(By.cssSelector("#task-" + task.getId() + " button[type='submit']"));
    browser.withText(By.id("global-message"), "已提交");
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).as("the keyboard's place: the confirmation")
        .isEqualTo("global-message");
    screenshot(name + "-submitted");
    browser.await().until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
  }

  /**
   * 我的申请 of the signed-in portal lists the letter {@code kind} ({@code LetterKind}'s name) among the
   * 文书 of application {@code number}; returns the application's text (state, reason, letters).
   */
  String letterOnPortal(String name, String number, String kind) {
    By application = By.cssSelector(".application[data-number='" + number + "']");
    // letters are issued as the case moves on: a fresh page until it lists this one
    browser.await().until(d -> {
      browser.open(url("/portal/"));
      return browser.visible(application).findElements(By.cssSelector("li[data-kind='" + kind + "'] a")).size() == 1;
    });
    checkPage(name, "document");
    return browser.driver().findElement(application).getText();
  }

  /**
   * The documented time shortcut of operations (docs/operations.md, "Overriding a timer"): the
   * administrator opens the instance's 作业 tab in Cockpit and sets the due date of the timer of
   * {@code activityId} to a moment past; the job executor then runs it as it runs any due job.
   */
  void runTimerInCockpit(String processInstanceId, String activityId) {
    Job timer = browser.await().until(d -> engine.getManagementService().createJobQuery()
        .processInstanceId(processInstanceId).activityId(activityId).timers().singleResult());
    String activityName = engine.getRepositoryService().getBpmnModelInstance(timer.getProcessDefinitionId())
        .getModelElementById(activityId).getAttributeValue("name");
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime?tab=jobs-tab"));
    browser.signInToWebapp("admin");
    browser.click(By.xpath("//table[contains(@class,'jobs-tab')]//tr[.//a[normalize-space(.)='" + activityName
        + "']]//a[@ng-click='openRecalculationWindow(job)']"));
    browser.click(By.cssSelector(".modal-content input[type='radio'][value='specific']"));
    WebElement date = browser.clickable(By.cssSelector(".modal-content input[name='dateValue']"));
    date.clear();
    // a day ago, in whatever time zone the browser reads it: due at once
    date.sendKeys(LocalDateTime.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
    browser.click(By.cssSelector(".modal-content button[ng-click='submit()']"));
    screenshot("cockpit-run-timer");
    browser.await(Duration.ofSeconds(120)).until(d -> engine.getManagementService().createJobQuery()
        .jobId(timer.getId()).count() == 0);
  }

  /** The one open task of {@code key} in the instance, once it exists (asynchronous steps run first). */
  Task task(String processInstanceId, String key) {
    return browser.await().until(d -> single(engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(key).list()));
  }

  /** The open tasks of {@code key} in the instance, once there are {@code count}. */
  List<Task> tasks(String processInstanceId, String key, int count) {
    return browser.await().until(d -> {
      List<Task> tasks = engine.getTaskService().createTaskQuery()
          .processInstanceId(processInstanceId).taskDefinitionKey(key).list();
      return tasks.size() == count ? tasks : null;
    });
  }

  private static Task single(List<Task> tasks) {
    return tasks.size() == 1 ? tasks.get(0) : null;
  }

  // ------------------------------------------------------------------ Tasklist's own tabs, Cockpit's history

  /** 退回 on the open task's 转办/退回 tab with {@code reason}: the case goes back one step. */
  void sendBack(String name, Task task, String reason) {
    openTask(task);
    browser.click(By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[contains(., '转办/退回')]"));
    browser.visible(By.cssSelector(".ms-send-back-reason")).sendKeys(reason);
    checkPage(name, "ms-task-commands", ".ms-task-commands");
    browser.click(By.xpath("//*[contains(@class,'ms-task-commands')]//button[normalize-space(.)='退回']"));
    browser.await().until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
  }

  /** 加签 from 已办 in Tasklist: adds {@code expert} to the running panel of case {@code number}, with a reason. */
  void addExpert(String number, String expert, String reason) {
    browser.click(By.cssSelector("a.ms-done-link"));
    WebElement table = browser.withText(By.cssSelector(".ms-done-panel table"), number);
    WebElement row = table.findElement(By.xpath(".//tr[td[normalize-space(.)='" + number + "']]"));
    browser.scrollIntoView(row);
    row.findElement(By.cssSelector(".ms-add-expert-open")).click();
    new Select(browser.visible(By.cssSelector("select.ms-add-expert"))).selectByValue(expert);
    browser.driver().findElement(By.cssSelector(".ms-add-expert-reason")).sendKeys(reason);
    checkPage("add-expert", ".ms-done-panel");
    browser.click(By.cssSelector(".ms-add-expert-form button[type='submit']"));
    assertThat(browser.withText(By.cssSelector(".ms-add-expert-form .ms-result"), "（" + expert + "）").getText())
        .startsWith("已增补评审专家 ");
    screenshot("expert-added");
  }

  /** {@code user} signs in to Cockpit at the instance, which shows its history; opens its variables. */
  void openHistoryInCockpit(String user, String processInstanceId) {
    browser.open("about:blank");
    browser.clearCookies();
    browser.open(url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId));
    browser.signInToWebapp(user);
    browser.await().until(d -> d.getCurrentUrl().contains("/process-instance/" + processInstanceId + "/history"));
    browser.visible(By.cssSelector(".audit-timeline"));
    browser.click(By.cssSelector(".audit-tabs a[data-tab='variables']"));
    browser.visible(By.cssSelector(".audit-variables"));
  }

  /** The value of {@code variable} as the history's variables tab shows it (scrolled into view for the screenshot). */
  String historyValue(String variable) {
    WebElement row = browser.visible(By.cssSelector(".audit-variables tr[data-variable='" + variable + "']"));
    browser.scrollIntoView(row);
    return row.findElements(By.tagName("td")).get(2).getText();
  }
}
