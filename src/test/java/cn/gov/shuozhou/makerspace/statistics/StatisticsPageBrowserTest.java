package cn.gov.shuozhou.makerspace.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Axe;
import cn.gov.shuozhou.makerspace.support.Browser;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics page ({@code /statistics/}) in a real Chromium: the city bureau filters by year,
 * clicks a number and sees the case behind it, downloads a section's Excel file, which POI reads back
 * with exactly the page's texts; a bad year is shown at its field in Chinese; the page carries no
 * Latin words and no serious accessibility violation; a county reviewer is refused in Chinese.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPageBrowserTest extends AbstractHttpTest {

  /** A year only this test files in (the HTTP test uses 2021). */
  private static final String YEAR = "2019";

  @Autowired
  private ProcessEngine engine;

  private Browser browser;
  private String rejected;

  @BeforeAll
  void history() {
    CertificationDriver driver = new CertificationDriver(engine);
    CertificationDriver.fixClock(LocalDateTime.of(2019, 3, 4, 9, 0));
    try {
      String id = driver.rejectedAtFirstReview("统计页面空间").getId();
      rejected = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
          .getBusinessKey();
    } finally {
      CertificationDriver.resetClock();
    }
  }

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
  void bureauFiltersOpensTheCasesBehindANumberAndExportsWhatItSees() throws Exception {
    login("city1");
    browser.visible(By.id("section-applications"));

    // the filters stand in one row, the county's select as high as the fields beside it (the page's full-width
    // inputs once put each field on a line of its own, the select left small between them)
    List<?> fields = (List<?>) browser.js("return ['filter-year', 'filter-county', 'filter-from', 'filter-to',"
        + " 'filter-submit'].map(id => document.getElementById(id).getBoundingClientRect())"
        + ".map(r => [Math.round(r.top + r.height / 2), Math.round(r.height)]);");
    assertThat(fields.stream().map(f -> ((List<?>) f).get(0)).distinct()).as("vertical centres").hasSize(1);
    long inputHeight = (Long) ((List<?>) fields.get(0)).get(1);
    assertThat((Long) ((List<?>) fields.get(1)).get(1)).as("the select's height").isBetween(inputHeight - 2, inputHeight + 2);

    // a bad year is shown at its field
    WebElement year = browser.visible(By.id("filter-year"));
    year.sendKeys("1999");
    browser.click(By.id("filter-submit"));
    browser.await().until(d -> "true".equals(year.getAttribute("aria-invalid")));
    assertThat(browser.visible(By.id("filters")).getText()).contains("年度应在2016年至").doesNotContain("year");

    year.clear();
    year.sendKeys(YEAR);
    browser.click(By.id("filter-submit"));
    // the year's render, not the first one without filters (alone in its context, this test's numbers look the same in
    // both): only the year's shows the annual report's link
    browser.await().until(d -> !"true".equals(year.getAttribute("aria-invalid"))
        && String.valueOf(d.findElement(By.id("annual-report")).getAttribute("href")).contains("year=" + YEAR)
        && rowTexts("applications").stream().anyMatch(r -> r.equals(List.of("合计", "1", "0", "0", "1", "0", "0", "0"))));

    // the number of first-review rejections opens its case
    List<List<String>> rejections = rowTexts("rejections");
    int firstReviewRow = rejections.stream().map(r -> r.get(0)).toList().indexOf("初审未通过");
    assertThat(firstReviewRow).as(rejections.toString()).isNotNegative();
    WebElement firstReview = browser.present(By.cssSelector(
        "a[data-section='rejections'][data-row='" + firstReviewRow + "'][data-column='0']"));
    assertThat(firstReview.getText()).isEqualTo("1");
    browser.scrollIntoView(firstReview);
    browser.js("arguments[0].click()", firstReview);
    browser.withText(By.id("case-list-title"), "初审未通过");
    assertThat(browser.present(By.id("case-table")).getText()).contains(rejected).contains("统计页面空间")
        .contains("2019年3月4日").contains("朔城区");

    assertThat(browser.latinWordsOnPage()).isEmpty();
    assertThat(Axe.seriousViolations(browser)).isEmpty();

    // the section's Excel export, downloaded by Chromium, holds the page's texts
    Path downloads = Files.createTempDirectory("statistics-downloads-");
    ((ChromeDriver) browser.driver()).executeCdpCommand("Page.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    WebElement xlsx = browser.present(By.cssSelector("#section-applications a[href*='applications.xlsx']"));
    assertThat(xlsx.getAttribute("href")).contains("year=" + YEAR);
    browser.scrollIntoView(xlsx);
    browser.js("arguments[0].click()", xlsx);
    Path file = browser.await(Duration.ofSeconds(30)).until(d -> downloaded(downloads));
    List<List<String>> page = new ArrayList<>();
    page.add(browser.driver().findElements(By.cssSelector("#section-applications thead th")).stream()
        .map(WebElement::getText).toList());
    page.addAll(rowTexts("applications"));
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
      List<List<String>> sheet = new ArrayList<>();
      for (Row row : book.getSheetAt(0)) {
        List<String> line = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          line.add(cell.getCellType() == CellType.NUMERIC
              ? cn.gov.shuozhou.makerspace.common.ReadableValues.number(cell.getNumericCellValue())
              : cell.getStringCellValue());
        }
        sheet.add(line);
      }
      assertThat(sheet).isEqualTo(page);
    }

    // a period that ends before it starts: said at the field in words, and no earlier figures stay under it
    browser.js("arguments[0].value = '2026-12-31'; arguments[1].value = '2026-01-01';",
        browser.present(By.id("filter-from")), browser.present(By.id("filter-to")));
    browser.click(By.id("filter-submit"));
    browser.await().until(d -> "true".equals(d.findElement(By.id("filter-to")).getAttribute("aria-invalid")));
    assertThat(browser.visible(By.id("filters")).getText()).contains("截止日期不能早于起始日期")
        .doesNotContain("from").doesNotContain("（to）");
    assertThat(browser.driver().findElements(By.cssSelector("#sections > *"))).isEmpty();
  }

  @Test
  void countyReviewerIsRefusedInChinese() {
    login("shuocheng1");
    assertThat(browser.visible(By.id("global-message")).getText()).contains("无权查看统计报表");
  }

  private void login(String user) {
    browser.open(uri("/statistics/").toString());
    assertThat(browser.driver().getTitle()).isEqualTo("统计报表 · 朔州市众创空间认定与管理");
    browser.visible(By.id("login-username")).sendKeys(user);
    browser.driver().findElement(By.id("login-password")).sendKeys(user);
    browser.click(By.id("login-submit"));
    browser.withText(By.id("user-name"), user);
  }

  /** The body rows of a section's table as the page shows them (read at once: a new filter redraws the table). */
  @SuppressWarnings("unchecked")
  private List<List<String>> rowTexts(String section) {
    return (List<List<String>>) browser.js("return [...document.querySelectorAll(arguments[0])].map(tr => "
        + "[...tr.querySelectorAll('th, td')].map(c => c.textContent.trim()))", "#section-" + section + " tbody tr");
  }

  private static Path downloaded(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
