package cn.gov.shuozhou.makerspace.api;

import cn.gov.shuozhou.makerspace.application.ApplicationFiling;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: integrators file an application as plain JSON (the contract's
 * start variables; the system issues the application number). Runs as the authenticated user and
 * hands the body to the engine's start unchanged ({@link ApplicationFiling}), so that the one intake
 * of every entry path validates it ({@code ApplicationIntakeListener}) and the start's field guard
 * refuses fields the start form does not declare (such as {@code applicationNumber}) by name,
 * instead of this door dropping them silently.
 */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final ApplicationFiling filing;

  public ApplicationController(ApplicationFiling filing) {
    this.filing = filing;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> apply(@RequestBody Map<String, Object> body) {
    Map<String, Object> answer = filing.file(body);
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + answer.get("processInstanceId")))
        .body(answer);
  }
}
