package cn.gov.shuozhou.makerspace.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Completion of a task whose whole input is a verdict: a required yes/no decision and its required
 * grounds, checked ({@link Inputs}) and written back as typed, trimmed values. Each such task has a
 * subclass naming its two variables.
 */
public abstract class VerdictInputListener implements TaskListener {

  /** The decision's and the grounds' variables, with the labels their form shows. */
  public record Verdict(String decision, String decisionLabel, String grounds, String groundsLabel,
      int maxGrounds) {}

  private final Verdict verdict;

  protected VerdictInputListener(Verdict verdict) {
    this.verdict = verdict;
  }

  @Override
  public final void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean decision = in.bool(verdict.decision(), verdict.decisionLabel(), true);
    String grounds = in.text(verdict.grounds(), verdict.groundsLabel(), true, verdict.maxGrounds());
    in.throwIfInvalid();
    task.setVariable(verdict.decision(), decision);
    task.setVariable(verdict.grounds(), grounds);
  }
}
