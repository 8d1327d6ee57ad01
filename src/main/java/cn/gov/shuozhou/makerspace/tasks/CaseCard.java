package cn.gov.shuozhou.makerspace.tasks;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.APPLICATION_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CERTIFICATE_NUMBER;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.COUNTY;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.CREDIT_CODE;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OBJECTION_ACKNOWLEDGEMENT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.OPERATOR_NAME;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SEARCH_TEXT;
import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.SPACE_NAME;

import cn.gov.shuozhou.makerspace.common.County;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a Tasklist card shows of a case and what its search finds.
 *
 * <p>Cards list the variables the filters name ({@code TaskFilterDefinition.LIST_VARIABLES}), read
 * with the user's authorizations: staff may read their tasks, not every process instance, so each
 * task carries task-local copies ({@code card*}, own names so that a form's submission never lands
 * in them) with the county as its Chinese label. Tasklist's search runs in the task query itself and
 * finds the process variable {@code searchText}: the case's identifiers and names, upper-cased.
 */
public final class CaseCard {

  public static final String CARD_APPLICATION_NUMBER = "cardApplicationNumber";
  public static final String CARD_CERTIFICATE_NUMBER = "cardCertificateNumber";
  public static final String CARD_SPACE_NAME = "cardSpaceName";
  public static final String CARD_COUNTY_NAME = "cardCountyName";
  public static final String CARD_OPERATOR_NAME = "cardOperatorName";
  /** On 公示异议核查: which objection, so that two objections to one notice are two cards told apart. */
  public static final String CARD_OBJECTION_NUMBER = "cardObjectionNumber";

  /** Task-local card variable → the case variable it copies (the county is labelled). */
  static final Map<String, String> CARD_VARIABLES = cardVariables();

  private CaseCard() {}

  private static Map<String, String> cardVariables() {
    Map<String, String> card = new LinkedHashMap<>();
    card.put(CARD_APPLICATION_NUMBER, APPLICATION_NUMBER);
    card.put(CARD_CERTIFICATE_NUMBER, CERTIFICATE_NUMBER);
    card.put(CARD_SPACE_NAME, SPACE_NAME);
    card.put(CARD_COUNTY_NAME, COUNTY);
    card.put(CARD_OPERATOR_NAME, OPERATOR_NAME);
    card.put(CARD_OBJECTION_NUMBER, OBJECTION_ACKNOWLEDGEMENT);
    return Collections.unmodifiableMap(card);
  }

  /** Writes the case's {@code searchText} from its current variables. */
  public static void describe(VariableScope scope) {
    scope.setVariable(SEARCH_TEXT, searchText(scope.getVariable(APPLICATION_NUMBER),
        scope.getVariable(CERTIFICATE_NUMBER), scope.getVariable(SPACE_NAME), scope.getVariable(OPERATOR_NAME),
        scope.getVariable(CREDIT_CODE)));
  }

  /** Copies the case's card onto a new task (the values the case has). */
  static void copyTo(DelegateTask task) {
    CARD_VARIABLES.forEach((card, source) -> {
      Object value = task.getExecution() == null ? null : task.getExecution().getVariable(source);
      if (COUNTY.equals(source)) {
        value = County.nameOf(value);
      }
      if (value instanceof String text && !text.isBlank()) {
        task.setVariableLocal(card, text);
      }
    });
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
