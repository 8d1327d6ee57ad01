package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Art. 5(3) 网上公示: the notices in progress (cases waiting at {@code noticePeriodOver}) and those
 * that ended, read for the public by the system with only what the bureau publishes: the space, its
 * operator, county, address and focus, the key figures of the decision, and the notice's dates.
 */
@Component
public class PublicNotices {

  static final String NOTICE = "publicNotice";
  static final String NOTICE_TIMER = "noticePeriodOver";
  private static final int ARCHIVE_SIZE = 100;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<String> PUBLISHED = List.of(SPACE_NAME, OPERATOR_NAME, COUNTY, SPACE_ADDRESS, SPACE_FOCUS,
      TOTAL_AREA, PUBLIC_SERVICE_AREA, ACTIVE_MAKERS, ACTIVE_TEAMS, OUTCOME);

  /** One notice as published. {@code ends} is the last day; {@code running} while objections are taken. */
  public record Notice(String applicationNumber, String spaceName, String operatorName, String county,
      String spaceAddress, String focus, Object totalArea, Object publicServiceArea, Object makersOrTeams,
      LocalDate starts, LocalDate ends, boolean running, String result) {}

  private final ProcessEngine engine;

  public PublicNotices(ProcessEngine engine) {
    this.engine = engine;
  }

  public List<Notice> running() {
    return WithoutAuthorization.call(engine, () -> {
      List<Notice> notices = new ArrayList<>();
      for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
          .activityIdIn(NOTICE_TIMER).list()) {
        notices.add(notice(pi.getId(), pi.getBusinessKey(), true));
      }
      notices.sort((a, b) -> b.starts().compareTo(a.starts()));
      return notices;
    });
  }

  public List<Notice> archive() {
    return WithoutAuthorization.call(engine, () -> {
      List<Notice> notices = new ArrayList<>();
      for (HistoricActivityInstance a : engine.getHistoryService().createHistoricActivityInstanceQuery()
          .activityId(NOTICE).finished().orderByHistoricActivityInstanceEndTime().desc().listPage(0, ARCHIVE_SIZE)) {
        HistoricProcessInstance pi = engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(a.getProcessInstanceId()).singleResult();
        if (pi != null && KEY.equals(pi.getProcessDefinitionKey())) {
          notices.add(notice(pi.getId(), pi.getBusinessKey(), false));
        }
      }
      return notices;
    });
  }

  public Optional<Notice> find(String applicationNumber) {
    return WithoutAuthorization.call(engine, () -> {
      HistoricProcessInstance pi = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(KEY).processInstanceBusinessKey(applicationNumber).singleResult();
      if (pi == null || engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(pi.getId()).activityId(NOTICE).count() == 0) {
        return Optional.empty();
      }
      boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
          .activityIdIn(NOTICE_TIMER).count() > 0;
      return Optional.of(notice(pi.getId(), applicationNumber, running));
    });
  }

  private Notice notice(String instanceId, String number, boolean running) {
    Map<String, Object> v = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableNameIn(PUBLISHED.toArray(String[]::new)).list().stream()
        .filter(h -> instanceId.equals(h.getExecutionId()))
        .forEach(h -> v.put(h.getName(), h.getValue()));
    HistoricActivityInstance notice = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instanceId).activityId(NOTICE).orderByHistoricActivityInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    Date end = running
        ? Optional.ofNullable(engine.getManagementService().createJobQuery().processInstanceId(instanceId)
            .activityId(NOTICE_TIMER).timers().singleResult()).map(Job::getDuedate).orElse(null)
        : notice.getEndTime();
    String county = County.nameOf(v.get(COUNTY));
    boolean makers = "maker".equals(v.get(SPACE_FOCUS));
    String result = running ? "公示中" : switch (String.valueOf(v.get(OUTCOME))) {
      case "CERTIFIED" -> "公示期满无异议或异议不成立，已认定";
      case "REJECTED" -> "不予认定";
      default -> "公示已结束";
    };
    return new Notice(number, (String) v.get(SPACE_NAME), (String) v.get(OPERATOR_NAME), county,
        (String) v.get(SPACE_ADDRESS), makers ? "创客" : "创业团队", v.get(TOTAL_AREA), v.get(PUBLIC_SERVICE_AREA),
        makers ? v.get(ACTIVE_MAKERS) : v.get(ACTIVE_TEAMS), day(notice.getStartTime()), day(end), running, result);
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toInstant().atZone(ZONE).toLocalDate();
  }
}
