package cn.gov.shuozhou.makerspace.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The regression cases of one decision, as stored in {@code dmn/cases/<decisionKey>.json}:
 *
 * <pre>{"decisionKey":"first-review-routing","cases":[{"name":"...","inputs":{...},
 *   "expected":[{"reviewGroup":"edu-bureau"}]}]}</pre>
 *
 * @param decisionKey the id of the decision to evaluate (the top decision of a DRD)
 * @param cases the cases in file order
 */
public record DecisionCaseSet(String decisionKey, List<DecisionCase> cases) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  @JsonCreator
  public DecisionCaseSet(
      @JsonProperty("decisionKey") String decisionKey,
      @JsonProperty("cases") List<DecisionCase> cases) {
    if (decisionKey == null || decisionKey.isBlank()) {
      throw new IllegalArgumentException("decisionKey is missing");
    }
    this.decisionKey = decisionKey;
    this.cases = cases == null ? List.of() : List.copyOf(cases);
  }

  /** Reads a case file. JSON integers become Integer/Long, decimals Double, as over REST. */
  public static DecisionCaseSet read(InputStream json) {
    try {
      return JSON.readValue(json, DecisionCaseSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read decision cases: " + e.getMessage(), e);
    }
  }

  /** Reads a case file from disk. */
  public static DecisionCaseSet read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
