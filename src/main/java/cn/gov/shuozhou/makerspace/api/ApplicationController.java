package cn.gov.shuozhou.makerspace.api;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;

import cn.gov.shuozhou.makerspace.application.ApplicationFiling;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: an organisation account files an application as plain JSON (the
 * contract's start variables; the system issues the application number) with the materials it
 * uploaded as drafts ({@code POST /api/materials}). The portal's 在线申报 posts the same body to
 * {@code POST /api/my/applications}, the same door. Runs as the authenticated user and hands the
 * body to the engine's start unchanged ({@link ApplicationFiling}), so that the one intake of every
 * entry path validates it and checks and binds the materials ({@code ApplicationIntakeListener}),
 * and the start's field guard refuses fields the start form does not declare (such as
 * {@code applicationNumber}) by name, instead of this door dropping them silently.
 */
@RestController
@RequestMapping({"/api/applications", "/api/my/applications"})
public class ApplicationController {

  private final ApplicationFiling filing;

  public ApplicationController(ApplicationFiling filing) {
    this.filing = filing;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> apply(@RequestBody Map<String, Object> body) {
    Map<String, Object> answer = filing.file(body);
    // the organisation's own view of the case
    return ResponseEntity.created(URI.create("/api/my/applications/" + answer.get(APPLICATION_NUMBER))).body(answer);
  }
}
