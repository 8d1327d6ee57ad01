package cn.gov.shuozhou.makerspace.rules;

import java.lang.reflect.Field;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;

/**
 * The JVM-wide state that Camunda's engine and webapps keep in static fields, saved before a test
 * starts and stops an application of its own and restored afterwards. Stopping an application
 * tears down the webapps' runtime delegates (Welcome, Cockpit, Admin, Tasklist) and unregisters the
 * engine named "default": without this, the cached Spring test contexts of other test classes in
 * the same JVM answer their webapp pages with HTTP 500.
 */
final class CamundaStatics {

  private final ProcessEngine defaultEngine;
  private final WelcomeRuntimeDelegate welcome;
  private final CockpitRuntimeDelegate cockpit;
  private final AdminRuntimeDelegate admin;
  private final TasklistRuntimeDelegate tasklist;
  private final Object webappContext;

  private CamundaStatics() {
    defaultEngine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    welcome = Welcome.getRuntimeDelegate();
    cockpit = Cockpit.getRuntimeDelegate();
    admin = Admin.getRuntimeDelegate();
    tasklist = Tasklist.getRuntimeDelegate();
    webappContext = read(webappContextField());
  }

  static CamundaStatics save() {
    return new CamundaStatics();
  }

  void restore() {
    if (defaultEngine != null) {
      ProcessEngines.registerProcessEngine(defaultEngine);
    }
    Welcome.setRuntimeDelegate(welcome);
    Cockpit.setCockpitRuntimeDelegate(cockpit);
    Admin.setAdminRuntimeDelegate(admin);
    Tasklist.setTasklistRuntimeDelegate(tasklist);
    try {
      // The starter binds a starting web server's filters to the application context started last.
      webappContextField().set(null, webappContext);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field webappContextField() {
    try {
      Field field = LazyInitRegistration.class.getDeclaredField("APPLICATION_CONTEXT");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's LazyInitRegistration changed", e);
    }
  }

  private static Object read(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
