package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.rules.RuleRecords.VersionRecord;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the packaged decision tables at start, without ever overriding an administrator's
 * change. The tables are not in Spring's auto-deployment ({@code deployment-resource-pattern}),
 * which would redeploy a changed packaged file over the administrator's version. Per key:
 *
 * <ul>
 *   <li>no version yet: deploy the packaged file ({@value DecisionVersions#PACKAGED_DEPLOYMENT});
 *   <li>the latest version came from a release and its content differs from the packaged file:
 *       deploy the packaged file (a normal release);
 *   <li>the latest version came from an administrator ({@value DecisionVersions#RULE_CHANGES_DEPLOYMENT})
 *       and the packaged file differs from the one the system last saw: deploy nothing, record a
 *       conflict that an administrator resolves on the rule page (no conflict when the packaged
 *       file is exactly the administrator's table).
 * </ul>
 *
 * <p>Runs once all singletons exist, i.e. after the engine is built and before the web server and
 * the job executor start (Camunda's {@code PostDeployEvent} is published only for
 * {@code @EnableProcessApplication} applications, which this one is not).
 */
@Component
public class PackagedRuleSync implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(PackagedRuleSync.class);

  private final PackagedRules packaged;
  private final DecisionVersions versions;
  private final RuleRecords records;
  private final TransactionTemplate transaction;

  public PackagedRuleSync(PackagedRules packaged, DecisionVersions versions, RuleRecords records,
      PlatformTransactionManager transactionManager) {
    this.packaged = packaged;
    this.versions = versions;
    this.records = records;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void afterSingletonsInstantiated() {
    synchronize();
  }

  /** Brings every packaged rule up to date as described in the class comment. Idempotent. */
  public void synchronize() {
    for (PackagedRule rule : packaged.all()) {
      records.ensureKeyRow(rule.key(), ClockUtil.getCurrentTime().toInstant());
      transaction.executeWithoutResult(status -> {
        records.lockKey(rule.key()); // one node at a time decides and deploys
        synchronize(rule);
      });
    }
  }

  private void synchronize(PackagedRule rule) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Optional<DecisionDefinition> latest = versions.latest(rule.key());
    if (latest.isEmpty()) {
      deployPackaged(rule, null, "随程序发布首次部署（" + rule.fileName() + "）", now);
      return;
    }
    DecisionDefinition active = latest.get();
    String deploymentName = versions.deployment(active.getDeploymentId()).map(Deployment::getName).orElse(null);
    if (DecisionVersions.RULE_CHANGES_DEPLOYMENT.equals(deploymentName)) {
      String lastSeen = records.packagedChecksumSeen(rule.key()).orElseGet(() -> newestReleaseChecksum(rule));
      if (lastSeen == null) {
        records.packagedSeen(rule.key(), rule.checksum(), now);
      } else if (!lastSeen.equals(rule.checksum()) && rule.checksum().equals(RuleXml.checksum(versions.xml(active)))) {
        // The release ships exactly the administrator's table: nothing to choose.
        records.packagedSeen(rule.key(), rule.checksum(), now);
        records.openConflict(rule.key()).ifPresent(open ->
            records.resolveConflict(open.id(), null, "adopted", "发布包已采用规则管理员的版本", now));
      } else if (!lastSeen.equals(rule.checksum())) {
        String message = "程序发布包中的决策表「" + active.getName() + "」（" + rule.fileName()
            + "）已更新，但当前生效的是规则管理员启用的第" + active.getVersion()
            + "版。为免覆盖管理员的修改，系统没有部署发布版本。请规则管理员选择：保留管理员版本，或启用发布版本。";
        records.recordConflict(rule.key(), rule.checksum(), active.getVersion(), message, now);
        LOG.warn("Packaged rule {} changed while an administrator's version {} is active: not deployed, conflict recorded",
            rule.key(), active.getVersion());
      } else {
        records.openConflict(rule.key()).ifPresent(open ->
            records.resolveConflict(open.id(), null, "reverted", "发布包已恢复为系统上次部署的版本", now));
      }
      return;
    }
    String deployedChecksum = RuleXml.checksum(versions.xml(active));
    if (!deployedChecksum.equals(rule.checksum())) {
      deployPackaged(rule, null, "随程序发布更新（" + rule.fileName() + "）", now);
      return;
    }
    records.packagedSeen(rule.key(), rule.checksum(), now);
  }

  /**
   * Deploys the packaged file as a new version ({@value DecisionVersions#PACKAGED_DEPLOYMENT}),
   * records it and marks the file as seen. {@code user} is null for a release.
   */
  VersionRecord deployPackaged(PackagedRule rule, String user, String reason, Instant now) {
    DecisionVersions.Deployed deployed =
        versions.deploy(rule, DecisionVersions.PACKAGED_DEPLOYMENT, RuleRecords.SOURCE_RELEASE, rule.xml());
    VersionRecord record = new VersionRecord(deployed.deploymentId(), rule.key(), deployed.version(),
        deployed.decisionDefinitionId(), RuleRecords.SOURCE_RELEASE, user, now, reason, rule.checksum(), null, null);
    records.insertVersion(record);
    records.packagedSeen(rule.key(), rule.checksum(), now);
    LOG.info("Deployed packaged rule {} as version {} ({})", rule.key(), deployed.version(), reason);
    return record;
  }

  /** The content of the newest version that a release deployed, for databases without a "seen" record. */
  private String newestReleaseChecksum(PackagedRule rule) {
    for (DecisionDefinition definition : versions.all(rule.key())) {
      String name = versions.deployment(definition.getDeploymentId()).map(Deployment::getName).orElse(null);
      if (!DecisionVersions.RULE_CHANGES_DEPLOYMENT.equals(name)) {
        return RuleXml.checksum(versions.xml(definition));
      }
    }
    return null;
  }
}
