package cn.gov.shuozhou.makerspace.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code makerspace.rules.*}: where the packaged decision tables and their regression cases come
 * from, and the largest DMN file an administrator may upload.
 *
 * @param packagedLocation Spring resource pattern of the packaged DMN files, one file per decision
 *     key (default {@code classpath*:dmn/**}{@code /*.dmn})
 * @param casesLocation folder of the regression cases {@code <key>.json} (default
 *     {@code classpath:dmn/cases/})
 * @param maxXmlBytes size limit of an uploaded DMN file in bytes (default 1 MiB)
 */
@ConfigurationProperties(prefix = "makerspace.rules")
public record RulesProperties(String packagedLocation, String casesLocation, Integer maxXmlBytes) {

  public static final String DEFAULT_PACKAGED_LOCATION = "classpath*:dmn/**/*.dmn";
  public static final String DEFAULT_CASES_LOCATION = "classpath:dmn/cases/";
  public static final int DEFAULT_MAX_XML_BYTES = 1024 * 1024;

  public RulesProperties {
    packagedLocation = blank(packagedLocation) ? DEFAULT_PACKAGED_LOCATION : packagedLocation;
    casesLocation = blank(casesLocation) ? DEFAULT_CASES_LOCATION : withSlash(casesLocation);
    maxXmlBytes = maxXmlBytes == null || maxXmlBytes <= 0 ? DEFAULT_MAX_XML_BYTES : maxXmlBytes;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String withSlash(String folder) {
    return folder.endsWith("/") ? folder : folder + "/";
  }
}
