package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.web.CachedBodyRequest;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.web.Problems;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ad-hoc task queries may not carry expressions: the engine refuses them at the top level
 * ({@code enableExpressionsInAdhocQueries} is off) but Camunda 7.24.0 does not look inside
 * {@code orQueries}, where a JUEL expression such as {@code dueAfterExpression} is evaluated for any
 * logged-in user (CVE-2026-109432, fixed only in the Enterprise 7.24.14). This filter refuses a
 * task query (engine REST or the webapps' own engine API, plain or through a saved filter) whose
 * {@code orQueries} contain any {@code ...Expression} field: 400, nothing evaluated. Expressions
 * in saved filters created by administrators ({@code ${currentUser()}}) are not affected.
 */
public class TaskQueryExpressionFilter extends OncePerRequestFilter {

  /** POST .../task, .../task/count, .../filter/{id}/list|count|singleResult, under either API. */
  private static final Pattern TASK_QUERY =
      Pattern.compile("^/(engine-rest|camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?/(task(/count)?|filter/[^/]+/(list|count|singleResult))$");
  private static final int MAX_QUERY_BYTES = 1024 * 1024;

  private final ObjectMapper json;

  public TaskQueryExpressionFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // canonical by now (CanonicalPathFilter runs first): no other spelling reaches the task query
    String path = CanonicalPathFilter.rawPath(request);
    return !"POST".equalsIgnoreCase(request.getMethod()) || !TASK_QUERY.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_QUERY_BYTES + 1);
    }
    if (body.length > MAX_QUERY_BYTES) {
      refuse(request, response, "任务查询条件过长", List.of());
      return;
    }
    List<String> expressions = new ArrayList<>();
    if (body.length > 0) {
      try {
        collect(json.readTree(body), false, expressions);
      } catch (IOException notJson) {
        // the engine answers malformed JSON itself
      }
    }
    if (!expressions.isEmpty()) {
      refuse(request, response, "任务查询的“或”条件（orQueries）中不允许使用表达式：" + String.join("、", expressions),
          expressions.stream().map(f -> new FieldError(f, "查询条件中不允许使用表达式")).toList());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static void collect(JsonNode node, boolean insideOr, List<String> expressions) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> collect(element, insideOr, expressions));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (insideOr && field.getKey().endsWith("Expression") && !field.getValue().isNull()) {
          expressions.add(field.getKey());
        }
        collect(field.getValue(), insideOr || "orQueries".equals(field.getKey()), expressions);
      }
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String message,
      List<FieldError> errors) throws IOException {
    Problems.write(request, response, Problems.of(ProblemType.INVALID_INPUT, message, errors));
  }
}
