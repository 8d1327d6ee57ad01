package cn.gov.shuozhou.makerspace.postgres;

import cn.gov.shuozhou.makerspace.certification.CertificationProcess;
import cn.gov.shuozhou.makerspace.support.Applications;
import cn.gov.shuozhou.makerspace.support.CertificationDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The load that {@link CrashRecoveryTest} kills with SIGKILL: a separate JVM running the
 * application (profile postgres, job executor on) against the test's database, with staff
 * threads that file applications and complete every task, while the job executor runs the public
 * notices, their timers (made due as soon as they exist), the certifications and the supervision
 * starts. The staff file all their applications first, then keep taking a random one of them a
 * step further, so that a kill finds instances at every stage. Prints its progress; exits 0 only
 * if it was not killed and everything was certified.
 *
 * <p>Arguments: {@code jdbcUrl user password applications staffThreads creditCodeSeries}.
 */
public final class CrashLoad {

  private CrashLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    int applications = Integer.parseInt(args[3]);
    int staffThreads = Integer.parseInt(args[4]);
    int series = Integer.parseInt(args[5]);

    CertificationDriver.runClockFrom(CertificationDriver.MONDAY_MORNING);
    ApplicationNode node = ApplicationNode.on(url, user, password).name("crashLoad").jobExecutor(true).start();
    ProcessEngine engine = node.engine();
    CertificationDriver.createExperts(engine);
    System.out.println("READY");

    AtomicBoolean staffWorking = new AtomicBoolean(true);
    Thread noticeClerk = new Thread(() -> {
      CertificationDriver driver = new CertificationDriver(engine);
      while (staffWorking.get() || !allEnded(engine, applications)) {
        engine.getManagementService().createJobQuery().timers().activityId("noticePeriodOver").list()
            .forEach(job -> driver.advance(job.getProcessInstanceId(), true));
        Await.sleep(200);
      }
    }, "notice-clerk");
    noticeClerk.start();

    ExecutorService staff = Executors.newFixedThreadPool(staffThreads);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < staffThreads; t++) {
      int first = t;
      work.add(staff.submit(() -> {
        CertificationDriver driver = new CertificationDriver(engine);
        // File this thread's share of the applications, then keep working on a random one of
        // them, so that at any moment the instances are spread over every stage of the lifecycle.
        List<String> open = new ArrayList<>();
        for (int i = first; i < applications; i += staffThreads) {
          ProcessInstance pi = driver.apply(Applications.valid("shuocheng", CertificationDriver.creditCode(series, i + 1)));
          open.add(pi.getId());
          System.out.println("FILED " + pi.getBusinessKey());
        }
        Random random = new Random(first);
        while (!open.isEmpty()) {
          String id = open.get(random.nextInt(open.size()));
          if (driver.advance(id, false) == 0) {
            open.remove(id);
            System.out.println("WAITING-FOR-NOTICE " + id);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get(10, TimeUnit.MINUTES);
    }
    staff.shutdown();
    staffWorking.set(false);
    noticeClerk.join(TimeUnit.MINUTES.toMillis(5));
    boolean complete = allEnded(engine, applications);
    System.out.println("DONE " + complete);
    node.close();
    System.exit(complete ? 0 : 1);
  }

  private static boolean allEnded(ProcessEngine engine, int applications) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CertificationProcess.KEY).finished().count() >= applications;
  }
}
