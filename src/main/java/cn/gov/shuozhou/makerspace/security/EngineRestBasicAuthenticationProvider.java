package cn.gov.shuozhou.makerspace.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * HTTP Basic for {@code /engine-rest}, as Camunda's {@code HttpBasicAuthenticationProvider} but
 * with our one parser ({@link BasicCredentials}: UTF-8, the scheme in any case), so that every door
 * reads the same user from the same header (the login throttle counts failures by that user).
 */
public class EngineRestBasicAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    return BasicCredentials.parse(request.getHeader("Authorization"))
        .map(credentials -> engine.getIdentityService().checkPassword(credentials.userId(), credentials.password())
            ? AuthenticationResult.successful(credentials.userId())
            : AuthenticationResult.unsuccessful(credentials.userId()))
        .orElseGet(AuthenticationResult::unsuccessful);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
  }
}
