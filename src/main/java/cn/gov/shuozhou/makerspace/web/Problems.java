package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The one error body of every door (RFC 9457, {@code application/problem+json}): {@code type},
 * Chinese {@code title} and {@code detail}, {@code status}, {@code instance} (the request's path)
 * and {@code errors} with one {@code {field, message}} per refused field (empty when no field is
 * concerned). Spring MVC
 * handlers return {@link #response}; servlet filters {@link #write}; JAX-RS (the engine's REST
 * APIs) {@link #jaxrs}.
 *
 * <p>Camunda's webapps (Tasklist, Cockpit, Admin) show the member {@code message} of what their
 * API {@code /camunda/api/...} answers, so there the problem also carries {@code message}, equal
 * to {@code detail}.
 */
public final class Problems {

  public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  private static final String CAMUNDA_WEBAPP_API = "/camunda/api/";
  private static final String WEBAPP_MESSAGE = "message";
  /** Spring's builder registers the mix-in that writes a problem's properties as top-level members. */
  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  private Problems() {}

  public static ProblemDetail of(ProblemType type, String detail) {
    return of(type, detail, List.of());
  }

  /** {@code errors}: {@code common/FieldError}s, or records with at least {@code field} and {@code message}. */
  public static ProblemDetail of(ProblemType type, String detail, List<?> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  /** The engine refused for lack of an authorization that no capability of ours names. */
  public static ProblemDetail notPermitted() {
    return of(ProblemType.FORBIDDEN, "无权执行此操作：当前用户所在的组没有相应权限");
  }

  /** For a Spring MVC handler; the content type is set, so a client accepting only JSON gets it too. */
  public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** For a servlet filter that refuses the request itself. */
  public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    problem.setInstance(instance(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json(path.startsWith(CAMUNDA_WEBAPP_API) ? forWebapps(problem) : problem));
  }

  /** For JAX-RS: {@code /engine-rest} and the webapps' {@code /camunda/api/engine}. */
  public static Response jaxrs(ProblemDetail problem, UriInfo uri) {
    boolean webapps = uri != null && uri.getBaseUri().getPath().contains(CAMUNDA_WEBAPP_API);
    if (uri != null) {
      problem.setInstance(instance(uri.getRequestUri().getRawPath()));
    }
    return Response.status(problem.getStatus())
        .type(jakarta.ws.rs.core.MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
        .entity(json(webapps ? forWebapps(problem) : problem))
        .build();
  }

  /** The request's path, as Spring MVC sets it for the problems its handlers return. */
  private static URI instance(String path) {
    try {
      return new URI(null, null, path, null);
    } catch (URISyntaxException notAPath) {
      return null;
    }
  }

  private static ProblemDetail forWebapps(ProblemDetail problem) {
    problem.setProperty(WEBAPP_MESSAGE, problem.getDetail());
    return problem;
  }

  private static byte[] json(ProblemDetail problem) {
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
