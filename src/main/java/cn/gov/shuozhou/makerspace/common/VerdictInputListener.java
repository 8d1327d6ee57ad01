package cn.gov.shuozhou.makerspace.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Completion of a task whose whole input is a verdict: a required yes/no decision and its required
 * grounds, checked ({@link Inputs}) and written back as typed, trimmed values. Each such task has a
 * subclass naming its two variables.
 */
public abstract class VerdictInputListener implements TaskListener {

  private final String decision;
  private final String decisionLabel;
  private final String grounds;
  private final String groundsLabel;
  private final int maxGrounds;

  protected VerdictInputListener(String decision, String decisionLabel, String grounds, String groundsLabel,
      int maxGrounds) {
    this.decision = decision;
    this.decisionLabel = decisionLabel;
    this.grounds = grounds;
    this.groundsLabel = groundsLabel;
    this.maxGrounds = maxGrounds;
  }

  @Override
  public final void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Boolean yes = in.bool(decision, decisionLabel, true);
    String text = in.text(grounds, groundsLabel, true, maxGrounds);
    in.throwIfInvalid();
    task.setVariable(decision, yes);
    task.setVariable(grounds, text);
  }
}
