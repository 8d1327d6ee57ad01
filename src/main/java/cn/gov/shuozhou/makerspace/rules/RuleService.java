package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.common.UserNames;
import cn.gov.shuozhou.makerspace.common.UserNames.Person;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.rules.RuleProposals.Proposal;
import cn.gov.shuozhou.makerspace.rules.RuleRecords.ConflictRecord;
import cn.gov.shuozhou.makerspace.rules.RuleRecords.VersionRecord;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ActivateRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.Activation;
import cn.gov.shuozhou.makerspace.rules.RuleViews.CasesAhead;
import cn.gov.shuozhou.makerspace.rules.RuleViews.Change;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ConflictRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ConflictResolution;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ConflictView;
import cn.gov.shuozhou.makerspace.rules.RuleViews.DecisionRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.ProposalView;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RollbackRequest;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleDetail;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleSummary;
import cn.gov.shuozhou.makerspace.rules.RuleViews.RuleVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule administration: list and read the rules, check a new table, activate it, roll back to an
 * earlier version, resolve a release conflict. Callers (the REST controller) decide who may call
 * what; every change goes through {@link RuleChecker} and is recorded with user and reason. A
 * change of a {@link StatutoryRules statutory} number is only proposed: it takes effect when a
 * second rule administrator approves it.
 */
@Service
public class RuleService {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final PackagedRules packaged;
  private final DecisionVersions versions;
  private final RuleRecords records;
  private final RuleChecker checker;
  private final PackagedRuleSync sync;
  private final RuleProposals proposals;
  private final TransactionTemplate transaction;
  private final ProcessEngine engine;
  private final RunningCases running;
  private final ObjectMapper json = new ObjectMapper();

  public RuleService(PackagedRules packaged, DecisionVersions versions, RuleRecords records, RuleChecker checker,
      PackagedRuleSync sync, RuleProposals proposals, PlatformTransactionManager transactionManager,
      ProcessEngine engine, RunningCases running) {
    this.packaged = packaged;
    this.versions = versions;
    this.records = records;
    this.checker = checker;
    this.sync = sync;
    this.proposals = proposals;
    this.transaction = new TransactionTemplate(transactionManager);
    this.engine = engine;
    this.running = running;
  }

  // ------------------------------------------------------------------ reading

  public List<RuleSummary> list() {
    List<RuleSummary> summaries = new ArrayList<>();
    for (PackagedRule rule : packaged.all()) {
      Optional<DecisionDefinition> latest = versions.latest(rule.key());
      boolean conflict = records.openConflict(rule.key()).isPresent();
      boolean pending = proposals.pending(rule.key()).isPresent();
      if (latest.isEmpty()) {
        summaries.add(new RuleSummary(rule.key(), RuleTables.name(rule.xml(), rule.key()), null, null, null, null,
            null, conflict, pending));
        continue;
      }
      RuleVersion active = version(latest.get(), records.versions(rule.key()));
      summaries.add(new RuleSummary(rule.key(), latest.get().getName(), active.version(), active.activatedAt(),
          active.activatedBy(), active.reason(), active.source(), conflict, pending));
    }
    return summaries;
  }

  /**
   * The people the rules' records name (who activated, proposed, approved or rejected, resolved), by
   * name, so that the page reads 规则管理员一 instead of an id; rule administrators do not read users.
   */
  public List<Person> people() {
    Set<String> ids = new HashSet<>(records.people());
    ids.addAll(proposals.people());
    return WithoutAuthorization.call(engine, () -> UserNames.named(engine.getIdentityService(), ids));
  }

  public RuleDetail detail(String key) {
    PackagedRule rule = rule(key);
    Map<String, VersionRecord> recorded = records.versions(key);
    List<RuleVersion> all = new ArrayList<>();
    for (DecisionDefinition definition : versions.all(key)) {
      all.add(version(definition, recorded));
    }
    DecisionDefinition latest = versions.latest(key).orElse(null);
    String activeXml = latest == null ? rule.xml() : versions.xml(latest);
    ConflictView conflict = records.openConflict(key).map(c -> new ConflictView(c.packagedChecksum(),
        at(c.detectedAt()), c.message(), c.adminVersion())).orElse(null);
    return new RuleDetail(key, latest == null ? RuleTables.name(rule.xml(), key) : latest.getName(),
        all.isEmpty() ? null : all.get(0), all, RuleTables.view(activeXml, key), conflict,
        proposals.all(key).stream().map(this::view).toList());
  }

  /** The running cases a new version of the rule would still decide, and where they wait. */
  public CasesAhead runningCases(String key) {
    rule(key);
    return running.of(key);
  }

  /** A rule's DMN file: the active version, or {@code version} if given. */
  public String xml(String key, Integer version) {
    PackagedRule rule = rule(key);
    if (version == null) {
      return versions.latest(key).map(versions::xml).orElse(rule.xml());
    }
    return versions.xml(versions.version(key, version).orElseThrow(() -> RuleException.badField("version",
        "UNKNOWN_VERSION", "决策「" + key + "」没有第" + version + "版（version）")));
  }

  // ------------------------------------------------------------------ changing

  /**
   * Checks a new table against the contract and compares it with the active one on the regression
   * cases. A table past a {@link RuleLimits limit} is refused with 400, as an oversized file is.
   */
  public RuleCheck check(String key, String xml) {
    PackagedRule rule = rule(key);
    RuleCheck check = checker.check(rule, activeXml(rule), xml);
    if (check.pastLimit()) {
      throw RuleException.refused(check);
    }
    return check;
  }

  /**
   * Checks and activates a new version (deployment {@value DecisionVersions#RULE_CHANGES_DEPLOYMENT}),
   * or, when it changes a statutory number, records it as a proposal for a second person.
   */
  public Change activate(String key, ActivateRequest request, String user) {
    PackagedRule rule = rule(key);
    String reason = reason(request == null ? null : request.reason());
    if (request.xml() == null || request.xml().isBlank()) {
      throw RuleException.badField("xml", "EMPTY", "请提供新的决策表（xml）");
    }
    records.ensureKeyRow(key, now());
    return transaction.execute(status -> {
      records.lockKey(key);
      requireNoPendingProposal(key);
      Optional<DecisionDefinition> latest = versions.latest(key);
      if (request.baseVersion() != null && latest.isPresent() && latest.get().getVersion() != request.baseVersion()) {
        throw RuleException.conflict("baseVersion", "STALE_BASE_VERSION", "决策「" + key + "」已有新版本：当前生效第"
            + latest.get().getVersion() + "版，而您修改的是第" + request.baseVersion() + "版（baseVersion），请重新加载后再修改");
      }
      RuleCheck check = checker.check(rule, latest.map(versions::xml).orElse(rule.xml()), request.xml());
      if (!check.accepted()) {
        throw RuleException.refused(check);
      }
      if (!check.changedCases().isEmpty() && !Boolean.TRUE.equals(request.confirmChangedCases())) {
        throw RuleException.notConfirmed(check);
      }
      if (StatutoryRules.concern(key, check)) {
        return propose(key, latest, null, check, user, reason);
      }
      return deployChange(rule, check, RuleRecords.SOURCE_RULE_ADMIN, null, user, reason);
    });
  }

  /** Re-deploys an earlier version as the newest one, through the same checks (and the same approval). */
  public Change rollback(String key, RollbackRequest request, String user) {
    PackagedRule rule = rule(key);
    Integer target = request == null ? null : request.version();
    String reason = reason(request == null ? null : request.reason());
    if (target == null) {
      throw RuleException.badField("version", "MISSING", "请指定要恢复的版本号（version）");
    }
    records.ensureKeyRow(key, now());
    return transaction.execute(status -> {
      records.lockKey(key);
      requireNoPendingProposal(key);
      DecisionDefinition earlier = versions.version(key, target).orElseThrow(() -> RuleException.badField("version",
          "UNKNOWN_VERSION", "决策「" + key + "」没有第" + target + "版（version）"));
      DecisionDefinition latest = versions.latest(key).orElseThrow();
      if (latest.getVersion() == target) {
        throw RuleException.badField("version", "ALREADY_ACTIVE", "第" + target + "版已是当前生效版本（version），无需恢复");
      }
      RuleCheck check = checker.check(rule, versions.xml(latest), versions.xml(earlier));
      if (!check.accepted()) {
        throw new RuleException(ProblemType.RULE_REFUSED,
            "无法恢复第" + target + "版：" + check.summary(), check.errors(), check);
      }
      if (StatutoryRules.concern(key, check)) {
        return propose(key, Optional.of(latest), target, check, user, reason);
      }
      return deployChange(rule, check, RuleRecords.SOURCE_ROLLBACK, target, user, reason);
    });
  }

  /**
   * A second rule administrator approves a pending proposal: it is checked again against the
   * active table and deployed. The proposer cannot approve it (403); a proposal whose base is no
   * longer the active version cannot be approved (409), only rejected.
   */
  public Activation approve(String key, String proposalId, DecisionRequest request, String user) {
    PackagedRule rule = rule(key);
    String reason = reason(request == null ? null : request.reason());
    records.ensureKeyRow(key, now());
    return transaction.execute(status -> {
      records.lockKey(key);
      Proposal proposal = pendingProposal(key, proposalId);
      if (proposal.proposedBy().equals(user)) {
        throw new ApiRefusal(ProblemType.FORBIDDEN, "不能审批本人提出的变更：法定参数（第四条条件、有效期、禁入年限、公示期）的变更须由另一名规则管理员审批");
      }
      Optional<DecisionDefinition> latest = versions.latest(key);
      Integer active = latest.map(DecisionDefinition::getVersion).orElse(null);
      if (!Objects.equals(active, proposal.baseVersion())) {
        throw RuleException.conflict("proposalId", "STALE_PROPOSAL", "该提案基于第" + proposal.baseVersion()
            + "版提出，而当前生效的是第" + active + "版：请驳回该提案，由提案人重新提出");
      }
      RuleCheck check = checker.check(rule, latest.map(versions::xml).orElse(rule.xml()), proposal.xml());
      if (!check.accepted()) {
        throw RuleException.refused(check);
      }
      String source = proposal.rollbackOf() == null ? RuleRecords.SOURCE_RULE_ADMIN : RuleRecords.SOURCE_ROLLBACK;
      // the version is the approver's, for the proposer's reason; the proposal keeps both people
      Activation activation = deployChange(rule, check, source, proposal.rollbackOf(), user, proposal.reason());
      proposals.decide(proposalId, RuleProposals.APPROVED, user, now(), reason, activation.version(),
          activation.deploymentId());
      return activation;
    });
  }

  /** A rule administrator rejects a pending proposal (the proposer may withdraw it so); the active version stays. */
  public ProposalView reject(String key, String proposalId, DecisionRequest request, String user) {
    rule(key);
    String reason = reason(request == null ? null : request.reason());
    records.ensureKeyRow(key, now());
    return transaction.execute(status -> {
      records.lockKey(key);
      pendingProposal(key, proposalId);
      proposals.decide(proposalId, RuleProposals.REJECTED, user, now(), reason, null, null);
      return view(proposals.find(key, proposalId).orElseThrow());
    });
  }

  private ProposalView propose(String key, Optional<DecisionDefinition> latest, Integer rollbackOf, RuleCheck check,
      String user, String reason) {
    String id = proposals.propose(key, latest.map(DecisionDefinition::getVersion).orElse(null), rollbackOf,
        check.xml(), toJson(check.changedCases()), user, now(), reason);
    return view(proposals.find(key, id).orElseThrow());
  }

  /**
   * One change at a time: while a proposal of the rule awaits its approval, no other change of the
   * rule is proposed or activated (409 naming the pending proposal: who, when, why).
   */
  private void requireNoPendingProposal(String key) {
    proposals.pending(key).ifPresent(pending -> {
      throw RuleException.conflict("key", "PROPOSAL_PENDING", "决策「" + key + "」已有一项待审批的修改（"
          + UserNames.withId(engine, pending.proposedBy()) + "于" + ReadableValues.dateTime(Date.from(pending.proposedAt()))
          + "提出，修改原因：" + pending.reason() + "）：请先由另一名规则管理员审批或驳回该修改，再提出新的修改");
    });
  }

  private Proposal pendingProposal(String key, String proposalId) {
    Proposal proposal = proposals.find(key, proposalId).orElseThrow(() -> new RuleException(ProblemType.NOT_FOUND,
        "决策「" + key + "」没有编号为「" + proposalId + "」的变更提案", List.of(), null));
    if (!RuleProposals.PROPOSED.equals(proposal.status())) {
      throw RuleException.conflict("proposalId", "ALREADY_DECIDED", "该提案已由" + proposal.decidedBy() + "处理，不能再次审批或驳回");
    }
    return proposal;
  }

  private ProposalView view(Proposal p) {
    List<ChangedCase> changed;
    try {
      changed = p.changedCasesJson() == null ? List.of()
          : json.readValue(p.changedCasesJson(), new TypeReference<List<ChangedCase>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new ProposalView(p.decisionKey(), p.id(), p.status(), p.baseVersion(), p.rollbackOf(), p.proposedBy(),
        at(p.proposedAt()), p.reason(), p.decidedBy(), at(p.decidedAt()), p.decisionReason(), p.version(), changed);
  }

  /** Resolves the open release conflict of a rule: keep the administrator's version, or activate the packaged one. */
  public ConflictResolution resolveConflict(String key, ConflictRequest request, String user) {
    PackagedRule rule = rule(key);
    String choice = request == null ? null : request.choice();
    if (!RuleRecords.KEEP_ADMIN.equals(choice) && !RuleRecords.TAKE_PACKAGED.equals(choice)) {
      throw RuleException.badField("choice", "INVALID_CHOICE",
          "请选择处理方式（choice）：keep-admin（保留管理员版本）或 take-packaged（启用发布版本）");
    }
    String reason = reason(request.reason());
    Instant now = now();
    records.ensureKeyRow(key, now);
    return transaction.execute(status -> {
      records.lockKey(key);
      ConflictRecord conflict = records.openConflict(key).orElseThrow(() -> RuleException.conflict("choice",
          "NO_CONFLICT", "决策「" + key + "」当前没有待处理的发布冲突"));
      if (!conflict.packagedChecksum().equals(rule.checksum())) {
        throw RuleException.conflict("choice", "PACKAGED_CHANGED",
            "发布包中的决策表与冲突记录不一致（可能有另一版本的程序在运行），请重启后再处理");
      }
      Integer version = null;
      String deploymentId = null;
      if (RuleRecords.TAKE_PACKAGED.equals(choice)) {
        VersionRecord deployed = sync.deployPackaged(rule, user, reason, now);
        version = deployed.version();
        deploymentId = deployed.deploymentId();
      } else {
        records.packagedSeen(key, rule.checksum(), now);
      }
      records.resolveConflict(conflict.id(), user, choice, reason, now);
      return new ConflictResolution(key, choice, user, at(now), reason, version, deploymentId);
    });
  }

  /** Deploys a checked table and records it; runs inside the caller's transaction. */
  private Activation deployChange(PackagedRule rule, RuleCheck check, String source, Integer rollbackOf, String user,
      String reason) {
    Instant now = now();
    DecisionVersions.Deployed deployed =
        versions.deploy(rule, DecisionVersions.RULE_CHANGES_DEPLOYMENT, source, check.xml());
    records.insertVersion(new VersionRecord(deployed.deploymentId(), rule.key(), deployed.version(),
        deployed.decisionDefinitionId(), source, user, now, reason, RuleXml.checksum(check.xml()), rollbackOf,
        toJson(check.changedCases())));
    return new Activation(rule.key(), deployed.version(), deployed.deploymentId(), deployed.decisionDefinitionId(),
        source, rollbackOf, check.changedCases(), check.warnings());
  }

  // ------------------------------------------------------------------ helpers

  /** Throws the 404 of an unknown key. */
  public void requireKnown(String key) {
    rule(key);
  }

  private PackagedRule rule(String key) {
    return packaged.find(key).orElseThrow(() -> RuleException.notFound(key));
  }

  private String activeXml(PackagedRule rule) {
    return versions.latest(rule.key()).map(versions::xml).orElse(rule.xml());
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw RuleException.badField("reason", "MISSING", "请填写变更原因（reason）");
    }
    String trimmed = reason.strip();
    if (trimmed.length() > Inputs.MAX_TEXT) {
      throw RuleException.badField("reason", "TOO_LONG", "变更原因（reason）过长：最多" + Inputs.MAX_TEXT + "个字符");
    }
    return trimmed;
  }

  private RuleVersion version(DecisionDefinition definition, Map<String, VersionRecord> recorded) {
    Deployment deployment = versions.deployment(definition.getDeploymentId()).orElse(null);
    String deploymentName = deployment == null ? null : deployment.getName();
    VersionRecord record = recorded.get(definition.getDeploymentId());
    if (record != null) {
      return new RuleVersion(definition.getVersion(), definition.getId(), definition.getDeploymentId(), deploymentName,
          at(record.activatedAt()), record.activatedBy(), record.reason(), record.source(), record.rollbackOf());
    }
    String source = DecisionVersions.RULE_CHANGES_DEPLOYMENT.equals(deploymentName)
        ? RuleRecords.SOURCE_RULE_ADMIN : RuleRecords.SOURCE_RELEASE;
    return new RuleVersion(definition.getVersion(), definition.getId(), definition.getDeploymentId(), deploymentName,
        deployment == null || deployment.getDeploymentTime() == null ? null : at(deployment.getDeploymentTime().toInstant()),
        null, null, source, null);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZONE);
  }
}
