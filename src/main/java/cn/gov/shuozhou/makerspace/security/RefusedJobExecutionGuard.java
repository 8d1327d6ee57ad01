package cn.gov.shuozhou.makerspace.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;

/**
 * A refused "execute this job" is not a failure of the job. Camunda counts every exception of a job
 * execution against the job: someone without the right to run it ({@code POST
 * /engine-rest/job/{id}/execute} answers 403) would still use up its retries and, after the last,
 * raise an incident that stops the case (e.g. the end of a public notice). The failure handling
 * ({@link FailedJobListener}) is skipped when the execution was refused for want of permission;
 * delegate code runs without authorization checks, so a job itself never fails that way.
 */
final class RefusedJobExecutionGuard extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof FailedJobListener listener) {
      JobFailureCollector collector = Guards.field(listener, "jobFailureCollector");
      if (collector != null && refused(collector.getFailure())) {
        return null;
      }
    }
    return next.execute(command);
  }

  private static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthorizationException) {
        return true;
      }
    }
    return false;
  }
}
