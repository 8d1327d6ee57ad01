package cn.gov.shuozhou.makerspace.supervision;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Output mapping of {@code checkArticle4} (Art. 4, 8): writes the rows of decision
 * {@code article4-eligibility} as one Chinese text, each failed condition with its article, for the
 * assessment form and the rectification order. Decides nothing: the rows are the decision's.
 */
@Component("article4Findings")
public class Article4Findings {

  /** "第四条第（三）项：…；…", or null when every condition is met. */
  public String describe(List<Map<String, Object>> rows) {
    if (rows == null || rows.isEmpty()) {
      return null;
    }
    return rows.stream().map(r -> r.get("article") + "：" + r.get("message")).collect(Collectors.joining("；"));
  }
}
