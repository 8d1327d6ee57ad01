package cn.gov.shuozhou.makerspace.portal;

import cn.gov.shuozhou.makerspace.application.RequiredMaterials.Material;
import java.time.Instant;
import java.util.List;

/**
 * One application as its organisation sees it: where it stands and what the organisation has to
 * do. Staff-only data (reviews, scores, objectors) is never part of it.
 */
public record MyApplication(
    String applicationNumber,
    String spaceName,
    String county,
    Instant filedAt,
    boolean inProgress,
    List<String> stages,
    List<OwnTask> ownTasks,
    String returnReason,
    String outcome,
    String outcomeReason,
    Instant endedAt,
    String certificateNumber,
    String validUntil,
    List<Material> materials) {

  /** A task the organisation itself must complete (补正, annual report, statement...) on its case page. */
  public record OwnTask(String taskId, String kind, String name, Instant due) {}
}
