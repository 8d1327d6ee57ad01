package cn.gov.shuozhou.makerspace.publicnotice;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_ACKNOWLEDGEMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_FINDING;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_UPHELD;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code handleObjection}, after its input is accepted: the answer goes to the
 * objection's record, in the same transaction, where its objector can look it up.
 */
@Component("objectionAnswer")
public class ObjectionAnswerListener implements TaskListener {

  private final Objections objections;

  public ObjectionAnswerListener(Objections objections) {
    this.objections = objections;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(OBJECTION_ACKNOWLEDGEMENT) instanceof String acknowledgement) {
      objections.answer(acknowledgement, Boolean.TRUE.equals(task.getVariable(OBJECTION_UPHELD)),
          (String) task.getVariable(OBJECTION_FINDING));
    }
  }
}
