package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CONVERTED_OLD_BUILDING;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OLD_BUILDING_PREFERRED;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The priority of every user task of a certification (Art. 3: converted old buildings first), used
 * as {@code camunda:priority="${taskPriorities.of(execution)}"}. The numbers are the policy's; the
 * inspection's finding ({@code oldBuildingPreferred}) replaces the applicant's declaration once made.
 */
@Component("taskPriorities")
public class TaskPriorities {

  public int of(VariableScope execution) {
    Object preferred = execution.hasVariable(OLD_BUILDING_PREFERRED)
        ? execution.getVariable(OLD_BUILDING_PREFERRED)
        : execution.getVariable(CONVERTED_OLD_BUILDING);
    return Policy.of(execution).taskPriority(Boolean.TRUE.equals(preferred));
  }
}
