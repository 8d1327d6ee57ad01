package cn.gov.shuozhou.makerspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import cn.gov.shuozhou.makerspace.support.Browser;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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

  /** The operator account of a running case (certification or supervision). */
  String operatorOf(String pi) {
    return (String) engine.getRuntimeService().getVariable(pi, CertificationProcess.APPLICANT);
  }

  String businessKey(String pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult()
        .getBusinessKey();
  }

  /** The case has ended with {@code outcome} (recorded by the model's end events). */
  void assertOutcome(String pi, String outcome) {
    HistoricVariableInstance recorded = browser.await().until(d -> engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(CertificationProcess.OUTCOME).singleResult());
    assertThat(recorded.getValue()).isEqualTo(outcome);
    browser.await().until(d -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi)
        .count() == 0);
  }
}
