package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COUNTY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COUNTY_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OPERATOR_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SEARCH_TEXT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import cn.gov.shuozhou.makerspace.application.County;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a Tasklist card shows of a case and what its search finds. Tasklist lists process variables
 * on a card (the filters' {@code variables}) and searches them with {@code like}: so a case carries
 * its county as a Chinese label and one upper-cased search text of its identifiers and names.
 */
public final class CaseCard {

  private CaseCard() {}

  /** Writes {@code countyName} and {@code searchText} from the case's current variables. */
  public static void describe(VariableScope scope) {
    Object county = scope.getVariable(COUNTY);
    if (county instanceof String code && County.codes().contains(code)) {
      scope.setVariable(COUNTY_NAME, County.valueOf(code).displayName());
    }
    scope.setVariable(SEARCH_TEXT, searchText(scope.getVariable(APPLICATION_NUMBER),
        scope.getVariable(CERTIFICATE_NUMBER), scope.getVariable(SPACE_NAME), scope.getVariable(OPERATOR_NAME),
        scope.getVariable(CREDIT_CODE)));
  }

  /** The words a search may match, upper-cased like the query (credit codes and numbers are). */
  static String searchText(Object... words) {
    return Arrays.stream(words)
        .filter(Objects::nonNull)
        .map(Object::toString)
        .collect(Collectors.joining(" "))
        .toUpperCase(Locale.ROOT);
  }
}
