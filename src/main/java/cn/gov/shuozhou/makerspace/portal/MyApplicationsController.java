package cn.gov.shuozhou.makerspace.portal;

import java.util.List;
import java.util.Map;
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
  private final Applicant.Current applicant;

  MyApplicationsController(MyApplications applications, MyCases cases, Applicant.Current applicant) {
    this.applications = applications;
    this.cases = cases;
    this.applicant = applicant;
  }

  @GetMapping
  public List<MyApplication> list(@RequestParam Map<String, String> parameters) {
    Applicant caller = applicant.of(parameters);
    return applications.of(caller.creditCode(), caller.userId());
  }

  @GetMapping("/{number}")
  public MyCase one(@PathVariable String number, @RequestParam Map<String, String> parameters) {
    Applicant caller = applicant.of(parameters);
    return cases.of(number, caller.creditCode(), caller.userId());
  }
}
