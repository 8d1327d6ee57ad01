package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.Inputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my/applications[?page=N]}: the signed-in organisation account's applications, newest
 * first, {@link MyApplications#PAGE_SIZE} a page, with stage, its own pending tasks and the outcome;
 * {@code GET /api/my/applications/{number}}: one of them as its case page shows it ({@link MyCase};
 * 404 for a number that is not the organisation's). Only organisation accounts are answered
 * ({@link Applicant}); the list takes only {@code page}, the case no parameter.
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
  public MyApplications.Page list(@RequestParam Map<String, String> parameters) {
    Inputs in = Inputs.of(new HashMap<>(parameters)).only(List.of(Inputs.PAGE));
    int page = Objects.requireNonNullElse(in.page(), 1);
    in.throwIfInvalid();
    Applicant caller = applicant.of(Map.of());
    return applications.of(caller.organisation(), page);
  }

  @GetMapping("/{number}")
  public MyCase one(@PathVariable String number, @RequestParam Map<String, String> parameters) {
    Applicant caller = applicant.of(parameters);
    return cases.of(number, caller.creditCode(), caller.userId());
  }
}
