package cn.gov.shuozhou.makerspace.web;

import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.FieldError;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Set;
import org.springframework.http.ProblemDetail;

/**
 * The refusal of a request body that is not valid JSON (e.g. {@code NaN}, {@code Infinity}, a
 * truncated body): 400 with a Chinese message that names the field being read when the parser
 * gave up, on our own API and on the engine's.
 */
public final class JsonErrors {

  /** Names of the engine's JSON envelope, not of a variable: {"variables": {"x": {"value": ..., "type": ...}}}. */
  private static final Set<String> ENVELOPE = Set.of("value", "type", "valueInfo", "variables", "processVariables",
      "modifications", "localVariables", "correlationKeys", "localCorrelationKeys", "processVariablesLocal");

  private JsonErrors() {}

  public static ProblemDetail problem(Throwable e) {
    JsonProcessingException json = cause(e);
    String field = json == null ? null : field(json);
    JsonLocation location = json == null ? null : json.getLocation();
    String where = location == null || location.getLineNr() < 0 ? ""
        : "（第" + location.getLineNr() + "行第" + location.getColumnNr() + "列）";
    if (field == null) {
      return Problems.of(ProblemType.INVALID_INPUT, (json instanceof JsonMappingException
          ? "请求内容不符合接口要求的格式" : "请求内容不是有效的JSON") + where);
    }
    String message = json instanceof JsonMappingException
        ? "字段 " + field + " 的值不符合接口要求的格式" + where
        : "字段 " + field + " 的值不是有效的JSON" + where + "：数字须为有限值（JSON不允许NaN、Infinity），文本须加引号";
    return Problems.of(ProblemType.INVALID_INPUT, "输入有误：" + message, List.of(new FieldError(field, message)));
  }

  /** The innermost field name being read, skipping the engine's envelope names. */
  static String field(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping) {
      List<JsonMappingException.Reference> path = mapping.getPath();
      for (int i = path.size() - 1; i >= 0; i--) {
        String name = path.get(i).getFieldName();
        if (name != null && !ENVELOPE.contains(name)) {
          return name;
        }
      }
    }
    if (e.getProcessor() instanceof JsonParser parser) {
      for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
        String name = c.getCurrentName();
        if (name != null && !ENVELOPE.contains(name)) {
          return name;
        }
      }
    }
    return null;
  }

  private static JsonProcessingException cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException j) {
        return j;
      }
    }
    return null;
  }
}
