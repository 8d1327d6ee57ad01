package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.organisation.Organisations;
import cn.gov.shuozhou.makerspace.web.ApiRefusal;
import cn.gov.shuozhou.makerspace.web.ProblemType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my/applications}: the signed-in organisation account's applications, newest
 * first, with stage, its own pending tasks and the outcome. Only accounts bound to an organisation
 * (docs/security.md §10) have applications; everyone else is refused. Takes no parameters.
 */
@RestController
@RequestMapping("/api/my/applications")
public class MyApplicationsController {

  private final MyApplications applications;
  private final Organisations organisations;
  private final IdentityService identity;

  public MyApplicationsController(MyApplications applications, Organisations organisations, IdentityService identity) {
    this.applications = applications;
    this.organisations = organisations;
    this.identity = identity;
  }

  @GetMapping
  public List<MyApplication> list(@RequestParam Map<String, String> parameters) {
    if (!parameters.isEmpty()) {
      throw new InvalidInputException(parameters.keySet().stream()
          .map(name -> new FieldError(name, "未知参数：" + name + "（本接口不接受参数）")).toList());
    }
    Authentication current = identity.getCurrentAuthentication();
    String user = current.getUserId();
    String creditCode = organisations.creditCodeOf(user).orElseThrow(() -> new ApiRefusal(ProblemType.FORBIDDEN, "当前账号未关联运营机构：“我的申请”只对申报单位（运营机构）账号开放"));
    return applications.of(creditCode, user);
  }
}
