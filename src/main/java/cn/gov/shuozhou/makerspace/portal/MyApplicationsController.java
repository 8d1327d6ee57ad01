package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.organisation.Organisations;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my/applications}: the signed-in organisation account's applications, newest
 * first, with stage, its own pending tasks and the outcome; {@code GET /api/my/applications/{number}}:
 * one of them as its case page shows it ({@link MyCase}; 404 for a number that is not the
 * organisation's). Only organisation accounts are answered ({@link Applicant}); no parameters.
 */
@RestController
@RequestMapping("/api/my/applications")
public class MyApplicationsController {

  private final MyApplications applications;
  private final MyCases cases;
  private final Organisations organisations;
  private final IdentityService identity;

  public MyApplicationsController(MyApplications applications, MyCases cases, Organisations organisations,
      IdentityService identity) {
    this.applications = applications;
    this.cases = cases;
    this.organisations = organisations;
    this.identity = identity;
  }

  @GetMapping
  public List<MyApplication> list(@RequestParam Map<String, String> parameters) {
    Applicant.refuseParameters(parameters);
    Applicant applicant = Applicant.current(identity, organisations);
    return applications.of(applicant.creditCode(), applicant.userId());
  }

  @GetMapping("/{number}")
  public MyCase one(@PathVariable String number, @RequestParam Map<String, String> parameters) {
    Applicant.refuseParameters(parameters);
    Applicant applicant = Applicant.current(identity, organisations);
    return cases.of(number, applicant.creditCode(), applicant.userId());
  }
}
