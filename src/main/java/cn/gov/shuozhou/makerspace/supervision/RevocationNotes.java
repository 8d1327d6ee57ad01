package cn.gov.shuozhou.makerspace.supervision;

import static cn.gov.shuozhou.makerspace.supervision.SupervisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * At each error end event that revokes the title: writes the grounds ({@code revocationNote}) at
 * process level, because the interrupting event subprocess 取消称号 cancels the scope that holds them.
 * Used as {@code ${revocationNotes.record(execution, 'RECTIFICATION')}}.
 */
@Component("revocationNotes")
public class RevocationNotes {

  private final SupervisionService supervision;

  public RevocationNotes(SupervisionService supervision) {
    this.supervision = supervision;
  }

  /** What the title is revoked for, as the model names it. */
  enum Grounds { RECTIFICATION, SANCTION, FALSE_MATERIALS }

  public void record(DelegateExecution e, String grounds) {
    String note = switch (Grounds.valueOf(grounds)) {
      case RECTIFICATION -> supervision.rectificationFailureNote(Vars.text(e, RECTIFICATION_REASON),
          Vars.text(e, RECTIFICATION_DEADLINE), Vars.text(e, RECTIFICATION_REPORT), Vars.text(e, REASSESSMENT_COMMENT));
      case SANCTION -> supervision.violationNote(Vars.text(e, VIOLATION_DESCRIPTION), Vars.text(e, SANCTION_NOTE));
      case FALSE_MATERIALS -> supervision.falseMaterialsNote(Vars.text(e, REPORT_TEXT),
          Vars.text(e, FALSE_MATERIALS_FINDING));
    };
    e.getProcessInstance().setVariable(REVOCATION_NOTE, note);
  }
}
