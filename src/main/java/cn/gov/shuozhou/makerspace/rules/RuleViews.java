package cn.gov.shuozhou.makerspace.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of {@code /api/rules}. */
public final class RuleViews {

  private RuleViews() {}

  /** One line of {@code GET /api/rules}; {@code proposalPending}: a proposal awaits a second rule administrator. */
  public record RuleSummary(
      String key,
      String name,
      Integer activeVersion,
      OffsetDateTime activatedAt,
      String activatedBy,
      String reason,
      String source,
      boolean conflict,
      boolean proposalPending) {}

  /** A deployed version of a rule. {@code source}: release, rule-admin or rollback. */
  public record RuleVersion(
      int version,
      String decisionDefinitionId,
      String deploymentId,
      String deploymentName,
      OffsetDateTime activatedAt,
      String activatedBy,
      String reason,
      String source,
      Integer rollbackOf) {}

  /**
   * {@code GET /api/rules/{key}/running-cases}: the running cases a new version of the rule would
   * still decide ({@code cases}, each once), and where they wait now ({@code steps}, most first).
   */
  public record CasesAhead(String key, long cases, List<StepAhead> steps) {}

  /** A step where running cases wait with an evaluation of the rule ahead: process and step by name. */
  public record StepAhead(String process, String step, long cases) {}

  /** {@code GET /api/rules/{key}}. */
  public record RuleDetail(
      String key,
      String name,
      RuleVersion active,
      List<RuleVersion> versions,
      RuleTable table,
      ConflictView conflict,
      List<ProposalView> proposals) {}

  /** What a change request led to: a deployed {@link Activation}, or a {@link ProposalView} awaiting a second person. */
  public sealed interface Change permits Activation, ProposalView {}

  /**
   * A proposed change of a statutory rule ({@code status} PROPOSED, APPROVED or REJECTED), with
   * the proposer and the second rule administrator who decided, their times and reasons.
   */
  public record ProposalView(
      String key,
      String proposalId,
      String status,
      Integer baseVersion,
      Integer rollbackOf,
      String proposedBy,
      OffsetDateTime proposedAt,
      String reason,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionReason,
      Integer version,
      List<ChangedCase> changedCases) implements Change {}

  /** An open release conflict. */
  public record ConflictView(String packagedChecksum, OffsetDateTime detectedAt, String message, int adminVersion) {}

  /** A decision table, readable. {@code requiredDecisions}: the tables it depends on (a DRD). */
  public record RuleTable(
      String key,
      String name,
      String hitPolicy,
      String aggregation,
      List<TableInput> inputs,
      List<TableOutput> outputs,
      List<TableRule> rules,
      @JsonInclude(JsonInclude.Include.NON_NULL) String literalExpression,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<RuleTable> requiredDecisions) {}

  public record TableInput(String id, String label, String expression, String typeRef) {}

  public record TableOutput(String id, String label, String name, String typeRef) {}

  public record TableRule(String id, String description, List<String> inputEntries, List<String> outputEntries) {}

  /** {@code POST /api/rules/{key}/activate} and {@code .../rollback}. */
  public record Activation(
      String key,
      int version,
      String deploymentId,
      String decisionDefinitionId,
      String source,
      Integer rollbackOf,
      List<ChangedCase> changedCases,
      List<RuleProblem> warnings) implements Change {}

  /** {@code POST /api/rules/{key}/conflict}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ConflictResolution(
      String key,
      String choice,
      String resolvedBy,
      OffsetDateTime resolvedAt,
      String reason,
      Integer version,
      String deploymentId) {}

  /** Request bodies. */
  public record ActivateRequest(String xml, String reason, Boolean confirmChangedCases, Integer baseVersion) {}

  public record RollbackRequest(Integer version, String reason) {}

  public record ConflictRequest(String choice, String reason) {}

  /** Approval or rejection of a proposal. */
  public record DecisionRequest(String reason) {}
}
