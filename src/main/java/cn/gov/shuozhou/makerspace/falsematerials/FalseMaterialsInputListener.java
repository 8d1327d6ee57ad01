package cn.gov.shuozhou.makerspace.falsematerials;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FALSE_MATERIALS_CONFIRMED;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.FALSE_MATERIALS_FINDING;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.VerdictInputListener;
import org.springframework.stereotype.Component;

/** Completion of {@code reviewFalseMaterials} (Art. 9), in both processes: a finding and its grounds. */
@Component("falseMaterialsInput")
public class FalseMaterialsInputListener extends VerdictInputListener {

  public FalseMaterialsInputListener() {
    super(new Verdict(FALSE_MATERIALS_CONFIRMED, "确属提供虚假材料", FALSE_MATERIALS_FINDING, "核定意见",
        Inputs.MAX_TEXT));
  }
}
