package cn.gov.shuozhou.makerspace.e2e;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** One browser and one application for a whole journey class; each journey gets its page steps. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JourneyBrowserTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;

  Browser browser;
  WebSteps web;

  @BeforeAll
  void openBrowser() {
    // generous waits: CI machines are shared, and a journey is long
    browser = Browser.start(Duration.ofSeconds(60));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void journey(TestInfo test) {
    web = new WebSteps(browser, engine, port, test.getTestMethod().orElseThrow().getName());
  }
}
