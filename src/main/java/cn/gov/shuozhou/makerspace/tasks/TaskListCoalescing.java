package cn.gov.shuozhou.makerspace.tasks;

import cn.gov.shuozhou.makerspace.web.CachedBodyRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist asks for a filter's task list twice when it opens (once for the filter, once for its
 * sorting: the same query, its JSON keys in another order), and each answer costs a query and a
 * count over every open task the user may see. An identical list request of the same session and
 * CSRF token that arrives while the first is being answered gets the first's answer instead of a
 * second run. Nothing is kept once the first answer is written, so no answer is ever stale.
 */
@Component
public class TaskListCoalescing extends OncePerRequestFilter {

  private static final Pattern LIST = Pattern.compile("/camunda/api/engine/engine/[^/]+/filter/[^/]+/list");
  private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  /** How long a second request waits for the first; beyond it, it runs itself. */
  private static final long WAIT_SECONDS = 30;

  private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong shared = new AtomicLong();

  /** A written answer: status, content type and body. */
  private record Answer(int status, String contentType, byte[] body) {}

  /** How many requests were answered with another's answer (for tests and the bench). */
  long sharedAnswers() {
    return shared.get();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !LIST.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest replay = new CachedBodyRequest(request, body);
    String key = key(request, body);
    if (key == null) {
      chain.doFilter(replay, response);
      return;
    }
    CompletableFuture<Answer> mine = new CompletableFuture<>();
    CompletableFuture<Answer> first = inFlight.putIfAbsent(key, mine);
    if (first != null && write(first, response)) {
      shared.incrementAndGet();
      return;
    }
    if (first != null) {
      chain.doFilter(replay, response); // the first did not answer in time: run on our own
      return;
    }
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(replay, captured);
      mine.complete(new Answer(captured.getStatus(), captured.getContentType(), captured.getContentAsByteArray()));
    } catch (IOException | ServletException | RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
      captured.copyBodyToResponse();
    }
  }

  /** Session, CSRF token, path, query, accepted types and the body with its keys in order; null when there is no session. */
  private static String key(HttpServletRequest request, byte[] body) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    String canonical;
    try {
      canonical = body.length == 0 ? "" : CANONICAL.writeValueAsString(CANONICAL.readValue(body, Object.class));
    } catch (IOException e) {
      return null; // not JSON: the engine answers it, once per request
    }
    return String.join("\n", session.getId(), String.valueOf(request.getHeader("X-XSRF-TOKEN")),
        request.getRequestURI(), String.valueOf(request.getQueryString()), String.valueOf(request.getHeader("Accept")),
        canonical);
  }

  /** Writes the first request's answer; false when it failed or took too long. */
  private static boolean write(CompletableFuture<Answer> first, HttpServletResponse response) throws IOException {
    Answer answer;
    try {
      answer = first.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
    response.setStatus(answer.status());
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
    return true;
  }
}
