package cn.gov.shuozhou.makerspace.inspection;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code onSiteInspection} (Art. 5(2)): the measured area and founders, whether the
 * space runs as declared, and whether materials look false. The measured values are then judged
 * by the same Art. 4 decision as the declared ones.
 */
@Component("inspectionInput")
public class InspectionInputListener implements TaskListener {

  private static final double MAX_AREA = 1_000_000;
  private static final int MAX_COUNT = 1_000_000;

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task.getVariables());
    Double total = in.decimal(MEASURED_TOTAL_AREA, "实测场地总面积", true, 0, MAX_AREA);
    Double publicArea = in.decimal(MEASURED_PUBLIC_SERVICE_AREA, "实测公共服务面积", true, 0, MAX_AREA);
    if (total != null && publicArea != null && publicArea > total) {
      in.fail(MEASURED_PUBLIC_SERVICE_AREA, "实测公共服务面积（measuredPublicServiceArea）不得大于实测场地总面积");
    }
    Integer makers = in.integer(MEASURED_ACTIVE_MAKERS, "实测活跃创客人数", true, 0, MAX_COUNT);
    Integer teams = in.integer(MEASURED_ACTIVE_TEAMS, "实测活跃创业团队数", true, 0, MAX_COUNT);
    Boolean verified = in.bool(OPERATION_VERIFIED, "运营情况属实", true);
    Boolean suspected = in.bool(FALSE_MATERIALS_SUSPECTED, "疑似提供虚假材料", true);
    String comment = in.text(INSPECTION_COMMENT, "考察意见", true, Inputs.MAX_TEXT);
    in.throwIfInvalid();
    task.setVariable(MEASURED_TOTAL_AREA, total);
    task.setVariable(MEASURED_PUBLIC_SERVICE_AREA, publicArea);
    task.setVariable(MEASURED_ACTIVE_MAKERS, makers);
    task.setVariable(MEASURED_ACTIVE_TEAMS, teams);
    task.setVariable(OPERATION_VERIFIED, verified);
    task.setVariable(FALSE_MATERIALS_SUSPECTED, suspected);
    task.setVariable(INSPECTION_COMMENT, comment);
  }
}
