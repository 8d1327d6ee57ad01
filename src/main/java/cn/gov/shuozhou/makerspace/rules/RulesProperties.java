package cn.gov.shuozhou.makerspace.rules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code makerspace.rules.*}: where the packaged decision tables and their regression cases come
 * from, and the limits of a decision table ({@link RuleLimits}; a missing or non-positive value
 * takes the default).
 *
 * @param packagedLocation Spring resource pattern of the packaged DMN files, one file per decision
 *     key (default {@code classpath*:dmn/**}{@code /*.dmn})
 * @param casesLocation folder of the regression cases {@code <key>.json} (default
 *     {@code classpath:dmn/cases/})
 * @param maxXmlBytes size limit of a DMN file in bytes (default 1 MiB)
 * @param maxRules rules per decision table (default 500)
 * @param maxCells expressions per file (default 10,000)
 * @param maxExpressionLength characters per expression (default 1,000)
 * @param maxCaseTime evaluation time per regression case (default 2 s)
 */
@ConfigurationProperties(prefix = "makerspace.rules")
public record RulesProperties(String packagedLocation, String casesLocation, Integer maxXmlBytes, Integer maxRules,
    Integer maxCells, Integer maxExpressionLength, Duration maxCaseTime) {

  public static final String DEFAULT_PACKAGED_LOCATION = "classpath*:dmn/**/*.dmn";
  public static final String DEFAULT_CASES_LOCATION = "classpath:dmn/cases/";

  public RulesProperties {
    packagedLocation = blank(packagedLocation) ? DEFAULT_PACKAGED_LOCATION : packagedLocation;
    casesLocation = blank(casesLocation) ? DEFAULT_CASES_LOCATION : withSlash(casesLocation);
    maxXmlBytes = positive(maxXmlBytes, RuleLimits.DEFAULT_MAX_XML_BYTES);
    maxRules = positive(maxRules, RuleLimits.DEFAULT_MAX_RULES);
    maxCells = positive(maxCells, RuleLimits.DEFAULT_MAX_CELLS);
    maxExpressionLength = positive(maxExpressionLength, RuleLimits.DEFAULT_MAX_EXPRESSION_LENGTH);
    maxCaseTime = maxCaseTime == null || maxCaseTime.isNegative() || maxCaseTime.isZero()
        ? RuleLimits.DEFAULT_MAX_CASE_TIME : maxCaseTime;
  }

  /** The table limits these properties set. */
  public RuleLimits limits() {
    return new RuleLimits(maxXmlBytes, maxRules, maxCells, maxExpressionLength, maxCaseTime);
  }

  private static Integer positive(Integer value, int fallback) {
    return value == null || value <= 0 ? fallback : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String withSlash(String folder) {
    return folder.endsWith("/") ? folder : folder + "/";
  }
}
