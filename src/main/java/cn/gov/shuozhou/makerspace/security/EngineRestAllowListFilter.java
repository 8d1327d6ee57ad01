package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Enforces {@link EngineRestAllowList} on {@code /engine-rest}: inside Camunda's JAX-RS
 * application, so after whatever authenticated the request and before any engine resource. An
 * unauthenticated request passes on to the engine, which answers it (401 comes earlier).
 */
@PreMatching
public class EngineRestAllowListFilter implements ContainerRequestFilter {

  private final String engineName;

  public EngineRestAllowListFilter(String engineName) {
    this.engineName = engineName;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // the engine by name, as the authentication filter finds it (the authentication is per engine)
    ProcessEngine engine = ProcessEngines.getProcessEngine(engineName);
    Caller user = engine == null ? null : AccessPolicy.current(engine.getIdentityService());
    if (user == null) {
      return;
    }
    String path = "/" + request.getUriInfo().getPath(false);
    EngineRestAllowList.Criteria criteria = EngineRestAllowList.Criteria.of(request.getMethod(),
        request.getUriInfo().getRequestUri().getRawQuery(), () -> {
          // read once and put back for the resource (a body too large is refused anyway)
          byte[] body = readBody(request);
          request.setEntityStream(new ByteArrayInputStream(body));
          return body;
        });
    if (!EngineRestAllowList.allows(user.userId(), user.groups(), request.getMethod(), path, criteria)) {
      request.abortWith(Problems.jaxrs(Problems.of(ProblemType.FORBIDDEN,
          AccessPolicy.refusedEndpoint(request.getMethod(), path, "/engine-rest", user.userId())), request.getUriInfo()));
    }
  }

  private static byte[] readBody(ContainerRequestContext request) {
    try {
      return request.getEntityStream().readNBytes(EngineRestAllowList.MAX_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
