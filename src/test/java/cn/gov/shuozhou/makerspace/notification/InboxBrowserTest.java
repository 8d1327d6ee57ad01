package cn.gov.shuozhou.makerspace.notification;

import static cn.gov.shuozhou.makerspace.certification.Policy.Output.ESCALATION_WORKING_DAYS;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FIRST_REVIEW_DECISION;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.POLICY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_FIRST_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.calendar.WorkingDayCalendar;
import cn.gov.shuozhou.makerspace.certification.Policy;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Axe;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import cn.gov.shuozhou.makerspace.support.OrganisationAccounts;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 站内消息 in Chromium (issue 17's last test): a first review goes overdue; the county reviewer
 * finds the 超时提醒 with the case's number and space in Tasklist's 站内消息 (header entry with the
 * unread count), opens it by keyboard, and it is marked read; the city bureau hears of it only once
 * due date + {@code escalationWorkingDays} working days have passed. The applicant reads its own
 * messages on 我的申请.
 */
class InboxBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DueTaskCheck dueCheck;
  @Autowired OutboxSender sender;
  @Autowired WorkingDayCalendar calendar;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theReviewerReadsTheOverdueReminderAndTheCityBureauTheEscalationAfterItsWorkingDays() {
    String space = "晋北创客谷" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    CertificationDriver driver = new CertificationDriver(engine);
    ProcessInstance pi = driver.apply(CertificationDriver.namedApplication(space));
    Task review = driver.task(pi.getId(), TASK_FIRST_REVIEW);
    int days = Policy.ofValue(engine.getRuntimeService().getVariable(pi.getId(), POLICY)).number(ESCALATION_WORKING_DAYS);

    // the latest due date that is escalated now, and one day later: overdue, not yet escalated
    Date now = new Date();
    Date escalated = new Date(now.getTime() - Duration.ofHours(1).toMillis());
    while (!calendar.due(escalated, days).before(now)) {
      escalated = new Date(escalated.getTime() - Duration.ofDays(1).toMillis());
    }
    Date notYet = new Date(escalated.getTime() + Duration.ofDays(1).toMillis());
    assertThat(notYet).isBefore(now);

    engine.getTaskService().setDueDate(review.getId(), notYet);
    dueCheck.check();
    assertThat(inboxRows("task-overdue:" + review.getId())).contains("shuocheng1").doesNotContain("city1");
    assertThat(inboxRows("task-escalated:" + review.getId())).as("before %s working days", days).isEmpty();

    engine.getTaskService().setDueDate(review.getId(), escalated);
    dueCheck.check();
    assertThat(inboxRows("task-escalated:" + review.getId())).contains("city1").doesNotContain("shuocheng1");
    sender.drain();

    String reminder = readInTasklist("shuocheng1", "task-overdue:" + review.getId());
    assertThat(reminder).contains("超时提醒：初审（" + space + "）", pi.getBusinessKey(), space);
    // the reminder leads to its task; once the task is done it no longer does
    String reminderId = inboxId("task-overdue:" + review.getId(), "shuocheng1");
    taskLinkOf(reminderId).click();
    browser.await().until(d -> d.findElements(By.cssSelector(".ms-inbox-panel")).isEmpty());
    browser.await().until(d -> d.getCurrentUrl().contains("task=" + review.getId())
        && d.findElement(By.cssSelector(".task-details h2.task")).getText().contains("初审"));
    driver.work(pi.getId(), TASK_FIRST_REVIEW, "shuocheng1", Map.of(FIRST_REVIEW_DECISION, "approve"), null);
    browser.click(By.cssSelector("a.ms-inbox-link"));
    WebElement done = browser.visible(By.cssSelector(".ms-inbox-panel li[data-id='" + reminderId + "']"));
    assertThat(done.findElements(By.cssSelector("a.ms-inbox-task"))).isEmpty();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    String escalation = readInTasklist("city1", "task-escalated:" + review.getId());
    assertThat(escalation).contains("超时督办：初审（" + space + "）", pi.getBusinessKey(), space, days + "个工作日");
  }

  @Test
  void theApplicantReadsItsMessagesOnMyApplications() {
    Map<String, Object> application = CertificationDriver.namedApplication(
        "云冈众创工场" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    String owner = OrganisationAccounts.ownerOf(engine, (String) application.get(CREDIT_CODE));
    ProcessInstance pi = new CertificationDriver(engine).apply(application);
    sender.drain();
    String id = inboxId("accepted:" + pi.getId(), owner);

    browser.open(uri("/portal/").toString());
    browser.visible(By.id("login-username")).sendKeys(owner);
    browser.driver().findElement(By.id("login-password")).sendKeys(owner);
    browser.click(By.id("login-submit"));

    WebElement title = browser.withText(By.id("inbox-title"), "条未读");
    int unread = unread(owner);
    assertThat(title.getText()).isEqualTo("站内消息（" + unread + " 条未读）");
    WebElement item = browser.visible(By.cssSelector("#inbox li[data-id='" + id + "']"));
    assertThat(item.getText()).contains("申请已受理", "未读").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d");

    open(item);
    assertThat(item.findElement(By.cssSelector(".ms-inbox-body")).getText()).contains("已受理", pi.getBusinessKey());
    browser.await().until(d -> unread(owner) == unread - 1);
    assertThat(browser.driver().findElement(By.id("inbox-title")).getText())
        .isEqualTo(unread == 1 ? "站内消息" : "站内消息（" + (unread - 1) + " 条未读）");
    assertThat(Browser.latinWords(browser.driver().findElement(By.id("inbox")).getText())).isEmpty();
    assertThat(Axe.seriousViolations(browser, "#inbox")).isEmpty();
    browser.screenshot(browser.driver().findElement(By.id("inbox")).findElement(By.xpath("..")),
        Browser.screenshots().resolve("portal-inbox.png"));
  }

  /** Signs in to Tasklist, opens 站内消息 from the header, opens the message of the event; answers what it shows. */
  private String readInTasklist(String user, String eventKey) {
    String id = inboxId(eventKey, user);
    int unread = unread(user);
    browser.open("about:blank");
    browser.clearCookies();
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/");
    browser.signInToWebapp(user);
    WebElement link = browser.withText(By.cssSelector("a.ms-inbox-link"), "条未读");
    assertThat(link.getText()).isEqualTo("站内消息（" + unread + " 条未读）");
    link.click();

    WebElement panel = browser.visible(By.cssSelector(".ms-inbox-panel"));
    WebElement item = browser.visible(By.cssSelector(".ms-inbox-panel li[data-id='" + id + "']"));
    assertThat(browser.driver().switchTo().activeElement().getAttribute("aria-label"))
        .as("the focus moves into the panel").isEqualTo("关闭");
    assertThat(item.getText()).contains("未读");
    open(item);
    String text = item.getText();
    browser.await().until(d -> unread(user) == unread - 1);
    assertThat(item.findElement(By.cssSelector(".ms-inbox-state")).getText()).isEqualTo("已读");
    browser.await().until(d -> link.getText().equals(unread == 1 ? "站内消息" : "站内消息（" + (unread - 1) + " 条未读）"));
    assertThat(Browser.latinWords(panel.getText())).as("Chinese only").isEmpty();
    assertThat(Axe.seriousViolations(browser, ".ms-inbox-panel")).isEmpty();
    browser.screenshot(panel, Browser.screenshots().resolve("tasklist-inbox-" + user + ".png"));

    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    browser.await().until(d -> d.findElements(By.cssSelector(".ms-inbox-panel")).isEmpty());
    return text;
  }

  /** The link of a message to its task, in the 站内消息 panel opened from Tasklist's header. */
  private WebElement taskLinkOf(String inboxId) {
    browser.click(By.cssSelector("a.ms-inbox-link"));
    WebElement link = browser.visible(By.cssSelector(".ms-inbox-panel li[data-id='" + inboxId + "'] a.ms-inbox-task"));
    assertThat(link.getText()).isEqualTo("办理此任务");
    return link;
  }

  /** Opens a message by keyboard (Enter on its subject) and waits for its text. */
  private void open(WebElement item) {
    WebElement subject = item.findElement(By.cssSelector("button.ms-inbox-open"));
    browser.scrollIntoView(subject);
    subject.sendKeys(Keys.ENTER);
    browser.await().until((WebDriver d) -> item.findElement(By.cssSelector(".ms-inbox-body")).isDisplayed());
    assertThat(subject.getAttribute("aria-expanded")).isEqualTo("true");
  }

  private List<String> inboxRows(String eventKey) {
    return jdbc.queryForList("SELECT recipient FROM ms_outbox WHERE event_key = ? AND channel = 'INBOX'", String.class,
        eventKey);
  }

  private String inboxId(String eventKey, String user) {
    return jdbc.queryForObject("SELECT i.inbox_id FROM ms_inbox i JOIN ms_outbox o ON o.outbox_id = i.inbox_id "
        + "WHERE o.event_key = ? AND i.user_id = ?", String.class, eventKey, user);
  }

  private int unread(String user) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ms_inbox WHERE user_id = ? AND read_at IS NULL", Integer.class, user);
  }
}
