package cn.gov.shuozhou.makerspace.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.calendar.CalendarData.DateGroup;
import cn.gov.shuozhou.makerspace.calendar.CalendarData.YearEntry;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The calendar page ({@code /calendar/}) in a real Chromium: a system administrator enters next
 * year's arrangement festival by festival, the check catches a missing day in Chinese, the
 * corrected arrangement is saved and deadlines in that year work at once; a county reviewer sees
 * the years but cannot add one; the welcome page links to the page and Cockpit's dashboard warns
 * while next year is missing. Shares its context with {@link CalendarAdministrationHttpTest}.
 */
@TestPropertySource(properties = "makerspace.calendar.test-context=calendar-administration-http")
class CalendarPageBrowserTest extends AbstractHttpTest {

  private static final int YEAR = MadeUpYear.next();
  private static final Path IMAGES = Browser.screenshots();
  /** A date as the server sends it (2026-02-16), which the page must not show. */
  private static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";

  @Autowired JdbcTemplate jdbc;
  @Autowired CalendarYears years;
  @Autowired WorkingDayCalendar workingDays;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowserAndForgetTheMadeUpYear() {
    if (browser != null) {
      browser.close();
    }
    jdbc.update("DELETE FROM ms_calendar_year");
    years.reload();
  }

  @Test
  void administratorAddsNextYearFestivalByFestival() {
    login("admin");
    WebElement last = browser.visible(By.cssSelector("#year-list tbody tr[data-year='" + (YEAR - 1) + "']"));
    assertThat(last.getText()).contains("随程序发布").contains("国办发明电");
    browser.click(By.id("add-button"));
    browser.withText(By.id("edit-title"), "补充" + YEAR + "年节假日安排");
    assertThat(browser.driver().findElement(By.id("notice-title")).getAttribute("value"))
        .isEqualTo("国务院办公厅关于" + YEAR + "年部分节假日安排的通知");

    YearEntry entry = MadeUpYear.entry(YEAR);
    type("document", "国发〔" + (YEAR - 1) + "〕1号"); // not a 国办发明电: the check says so at the field
    date(By.id("notice-date"), entry.sources().get(0).date());
    DateGroup qingming = null;
    for (DateGroup group : entry.holidays()) {
      if (group.festival().equals("清明节")) {
        qingming = group; // left out at first: the check must catch it
      } else {
        festival(group);
      }
    }
    date(By.cssSelector("#festivals tr[data-festival='春节'] .work"), MadeUpYear.workingSaturday(YEAR));
    type("verification", "测试：对照虚构的通知逐日核对");
    type("reason", "测试：补充下一年度");
    browser.click(By.id("verified"));

    // ------------------------------------------------------------ the check catches the missing festival
    browser.click(By.id("check-button"));
    WebElement refused = browser.withText(By.id("check-result"), "检查未通过");
    assertThat(refused.getText()).contains(YEAR + "年缺少清明节的放假安排").contains("法定节假日天数13天，现为12天")
        .doesNotContain("文号格式");
    assertThat(browser.visible(By.id("document-field-error")).getText()).contains("文号格式应为");
    assertThat(browser.driver().findElement(By.id("document")).getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver().findElement(By.id("save-button")).isEnabled()).isFalse();
    browser.fullPageScreenshot(IMAGES.resolve("calendar-refused.png"));
    type("document", entry.sources().get(0).document());
    festival(qingming);

    browser.click(By.id("check-button"));
    WebElement passed = browser.withText(By.id("check-result"), "检查通过");
    assertThat(browser.driver().findElements(By.id("document-field-error"))).as("gone once right").isEmpty();
    assertThat(passed.getText())
        .contains("差额 13 天（法定节假日 13 天）")
        .contains(readable(MadeUpYear.workingSaturday(YEAR)) + "（星期六）")
        .doesNotContainPattern(ISO_DATE);
    browser.scrollIntoView(passed);
    browser.fullPageScreenshot(IMAGES.resolve("calendar-check.png"));

    // ------------------------------------------------------------ saved: used at once
    browser.click(By.id("save-button"));
    browser.withText(By.id("global-message"), "已保存" + YEAR + "年节假日安排（第 1 次修订）");
    WebElement added = browser.visible(By.cssSelector("#year-list tbody tr[data-year='" + YEAR + "']"));
    assertThat(added.getText()).contains("管理员补充").contains("admin").contains("测试：补充下一年度");
    assertThat(workingDays.isWorkingDay(MadeUpYear.workingSaturday(YEAR))).isTrue();
    assertThat(workingDays.isWorkingDay(MadeUpYear.springFestivalStart(YEAR))).isFalse();
    browser.screenshot(IMAGES.resolve("calendar-list.png"));

    // ------------------------------------------------------------ a revision starts from what is stored
    browser.click(By.cssSelector("#year-list tbody tr[data-year='" + YEAR + "']"));
    WebElement shown = browser.withText(By.id("year-card-title"), YEAR + "年节假日安排（管理员补充，第 1 次修订）");
    assertThat(browser.visible(By.id("year-days")).getText())
        .contains(readable(MadeUpYear.springFestivalStart(YEAR)) + "（")
        .contains(readable(MadeUpYear.workingSaturday(YEAR)) + "（星期六）")
        .doesNotContainPattern(ISO_DATE);
    assertThat(browser.visible(By.id("year-card-source")).getText())
        .contains("发布日期 " + readable(MadeUpYear.noticeDate(YEAR)))
        .doesNotContainPattern(ISO_DATE);
    assertThat(shown.isDisplayed()).isTrue();
    browser.click(By.id("revise-button"));
    browser.withText(By.id("edit-title"), "修订" + YEAR + "年节假日安排（当前为第 1 次修订）");
    assertThat(value("#festivals tr[data-festival='春节'] .from")).isEqualTo(MadeUpYear.springFestivalStart(YEAR).toString());
    assertThat(value("#festivals tr[data-festival='春节'] .work")).isEqualTo(MadeUpYear.workingSaturday(YEAR).toString());
  }

  @Test
  void aCountyReviewerSeesTheYearsButCannotAddOne() {
    login("shuocheng1");
    browser.visible(By.cssSelector("#year-list tbody tr[data-year='2016']"));
    assertThat(browser.driver().findElement(By.id("admin-actions")).isDisplayed()).isFalse();
    // a released year opens read-only: its days off and working weekends, no revision for them
    browser.click(By.cssSelector("#year-list tbody tr[data-year='2026']"));
    browser.withText(By.id("year-card-title"), "2026年节假日安排（随程序发布）");
    // dates as people write them (before: 2026-01-01（星期四）, 发布日期 2025-11-04)
    assertThat(browser.visible(By.id("year-days")).getText())
        .contains("春节").contains("2026年2月16日（星期一）").contains("2026年1月1日（星期四）").contains("国庆节")
        .doesNotContainPattern(ISO_DATE);
    assertThat(browser.visible(By.id("year-card-source")).getText())
        .contains("发布日期 2025年11月4日").doesNotContainPattern(ISO_DATE);
    assertThat(browser.visible(By.id("year-card-summary")).getText()).contains("法定节假日 13 天");
    assertThat(browser.driver().findElement(By.id("revise-button")).isDisplayed()).isFalse();
    WebElement warning = browser.driver().findElement(By.id("coverage-warning"));
    if (LocalDate.now(WorkingDayCalendar.ZONE).getMonthValue() >= 11 && !workingDays.covers(LocalDate.now().getYear() + 1)) {
      assertThat(warning.getText()).contains("尚未包含");
    }
    // the page's own reminder points at its button, not at itself by its address (before: 工作日历页面（/calendar/）)
    workingDays.coverageWarningOnTheCalendarPage(LocalDate.now(WorkingDayCalendar.ZONE)).ifPresent(expected ->
        assertThat(warning.getText()).isEqualTo(expected).contains("在本页").doesNotContain("/calendar/"));
    if (warning.isDisplayed()) {
      assertThat(warning.getText()).doesNotContain("/calendar/").doesNotContain("工作日历页面");
    }
    // no script error (the 401 before the login and the missing favicon are not the page's fault)
    assertThat(browser.consoleLog())
        .noneMatch(line -> line.contains("SEVERE") && !line.contains("Failed to load resource"));
  }

  @Test
  void theWelcomePageAndTheCockpitDashboardLeadToTheCalendar() {
    browser.open(uri("/camunda/app/cockpit/default/").toString());
    browser.signInToWebapp("city1");
    browser.visible(By.cssSelector(".audit-dashboard"));
    // the same reminder as in the log and on the calendar page, while it applies (from November on)
    String warning = workingDays.coverageWarning(LocalDate.now(WorkingDayCalendar.ZONE)).orElse(null);
    if (warning != null) {
      WebElement notice = browser.visible(By.cssSelector(".calendar-coverage-notice"));
      assertThat(notice.getText()).contains(warning).contains("打开工作日历页面");
      assertThat(notice.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(uri("/calendar/").toString());
      browser.screenshot(IMAGES.resolve("calendar-cockpit-notice.png"));
    }

    browser.open(uri("/camunda/app/welcome/default/").toString());
    WebElement calendar = browser.visible(By.cssSelector("a[href='/calendar/']"));
    assertThat(calendar.getText()).contains("工作日历");
    // the welcome page links what the city bureau may open: 统计报表, not 规则管理 (WelcomeLinksBrowserTest)
    assertThat(browser.visible(By.cssSelector("a[href='/statistics/']")).getText()).contains("统计报表");
    assertThat(browser.driver().findElements(By.cssSelector("a[href='/rules/']"))).noneMatch(WebElement::isDisplayed);
    calendar.click();
    browser.withText(By.id("user-name"), "city1"); // the same session: no second login
    browser.visible(By.cssSelector("#year-list tbody tr[data-year='2016']"));
  }

  /** A calendar day as the page writes it: 2026年2月16日. */
  private static String readable(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private void login(String user) {
    browser.open(uri("/calendar/").toString());
    assertThat(browser.driver().getTitle()).isEqualTo("工作日历 · 朔州市众创空间认定与管理");
    browser.visible(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), user);
  }

  private void festival(DateGroup group) {
    String row = "#festivals tr[data-festival='" + group.festival() + "'] ";
    date(By.cssSelector(row + ".from"), group.dates().get(0));
    date(By.cssSelector(row + ".to"), group.dates().get(group.dates().size() - 1));
  }

  private void type(String id, String text) {
    WebElement field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Date inputs take keys in the browser's locale order: set the value and fire the input event. */
  private void date(By locator, LocalDate date) {
    WebElement input = browser.present(locator);
    browser.js("arguments[0].value = arguments[1];"
        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, date == null ? "" : date.toString());
  }

  private String value(String css) {
    return browser.present(By.cssSelector(css)).getAttribute("value");
  }
}
