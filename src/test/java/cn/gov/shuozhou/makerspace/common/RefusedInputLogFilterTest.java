package cn.gov.shuozhou.makerspace.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.support.AbstractProcessTest;
import cn.gov.shuozhou.makerspace.support.Applications;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A refused application leaves no ERROR in the engine's log; a real failure still does. */
class RefusedInputLogFilterTest extends AbstractProcessTest {

  private final Logger engineContext = (Logger) LoggerFactory.getLogger(RefusedInputLogFilter.ENGINE_CONTEXT_LOGGER);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void listen() {
    events.start();
    engineContext.addAppender(events);
  }

  @AfterEach
  void stopListening() {
    engineContext.detachAppender(events);
  }

  @Test
  void aRefusedApplicationIsNotLoggedAsAnError() {
    Map<String, Object> bad = Applications.valid("shuocheng");
    bad.put(CertificationProcess.TOTAL_AREA, -5.0);
    assertThatThrownBy(() -> asOperator("operator1",
        () -> runtime.startProcessInstanceByKey(CertificationProcess.KEY, bad))).isInstanceOf(InvalidInputException.class);
    assertThat(errors()).isZero();
  }

  @Test
  void aRealFailureStillIs() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("no-such-process")).isNotNull();
    assertThat(errors()).isPositive();
  }

  private long errors() {
    return events.list.stream().filter(e -> e.getLevel() == Level.ERROR).count();
  }
}
