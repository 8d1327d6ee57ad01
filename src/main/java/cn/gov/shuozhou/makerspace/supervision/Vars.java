package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import cn.gov.shuozhou.makerspace.certification.Application;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the supervision's variables for the delegates of this package. */
final class Vars {

  private Vars() {}

  /** The space this supervision acts on, now, by the current activity. */
  static SupervisionService.Step step(DelegateExecution e) {
    return new SupervisionService.Step((String) e.getVariable(CERTIFICATE_NUMBER), Application.of(e).creditCode(),
        e.getProcessInstanceId(), now(), e.getActivityInstanceId());
  }

  static String text(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  static Integer integer(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Number n ? n.intValue() : null;
  }

  static LocalDate day(VariableScope scope, String name) {
    if (!(scope.getVariable(name) instanceof Date d)) {
      throw new IllegalStateException("变量 " + name + " 缺失或不是日期");
    }
    return EngineClock.toLocalDate(d);
  }

  /** The engine clock as a Shanghai local date-time (for registry timestamps). */
  static LocalDateTime now() {
    return LocalDateTime.ofInstant(EngineClock.now().toInstant(), EngineClock.ZONE);
  }
}
