package cn.gov.shuozhou.makerspace.publicpages;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.County;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
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

  /**
   * One notice as published; the areas as people write them (800, not 800.0). {@code ends} is the
   * last day; {@code running} while objections are taken.
   */
  public record Notice(String applicationNumber, String spaceName, String operatorName, String county,
      String spaceAddress, String focus, String totalArea, String publicServiceArea, Object makersOrTeams,
      LocalDate starts, LocalDate ends, boolean running, String result) {}

  private final ProcessEngine engine;

  public PublicNotices(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The notices in progress, latest first; a handful of queries however many there are. */
  public List<Notice> running() {
    return WithoutAuthorization.call(engine, () -> {
      Map<String, Date> ends = new HashMap<>();
      for (Job timer : engine.getManagementService().createJobQuery().processDefinitionKey(KEY)
          .activityId(NOTICE_TIMER).timers().list()) {
        ends.put(timer.getProcessInstanceId(), timer.getDuedate());
      }
      if (ends.isEmpty()) {
        return List.of();
      }
      Map<String, String> numbers = new HashMap<>();
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ends.keySet()).list()
          .forEach(pi -> numbers.put(pi.getId(), pi.getBusinessKey()));
      Map<String, Date> starts = new HashMap<>();
      engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(NOTICE).unfinished().list().stream()
          .filter(a -> ends.containsKey(a.getProcessInstanceId()))
          .forEach(a -> starts.merge(a.getProcessInstanceId(), a.getStartTime(), (x, y) -> x.after(y) ? x : y));
      return notices(numbers, starts, ends, true);
    });
  }

  /** The latest notices that ended, latest first. */
  public List<Notice> archive() {
    return WithoutAuthorization.call(engine, () -> {
      Map<String, Date> starts = new HashMap<>();
      Map<String, Date> ends = new HashMap<>();
      for (HistoricActivityInstance a : engine.getHistoryService().createHistoricActivityInstanceQuery()
          .activityId(NOTICE).finished().orderByHistoricActivityInstanceEndTime().desc().listPage(0, ARCHIVE_SIZE)) {
        if (ends.putIfAbsent(a.getProcessInstanceId(), a.getEndTime()) == null) {
          starts.put(a.getProcessInstanceId(), a.getStartTime());
        }
      }
      if (ends.isEmpty()) {
        return List.of();
      }
      Map<String, String> numbers = new HashMap<>();
      engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
          .processInstanceIds(ends.keySet()).list().forEach(pi -> numbers.put(pi.getId(), pi.getBusinessKey()));
      return notices(numbers, starts, ends, false);
    });
  }

  public Optional<Notice> find(String applicationNumber) {
    return WithoutAuthorization.call(engine, () -> {
      HistoricProcessInstance pi = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(KEY).processInstanceBusinessKey(applicationNumber).singleResult();
      if (pi == null) {
        return Optional.empty();
      }
      List<HistoricActivityInstance> notices = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(pi.getId()).activityId(NOTICE).orderByHistoricActivityInstanceStartTime().desc()
          .listPage(0, 1);
      if (notices.isEmpty()) {
        return Optional.empty();
      }
      HistoricActivityInstance notice = notices.get(0);
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
          .activityId(NOTICE_TIMER).timers().singleResult();
      boolean running = timer != null;
      Map<String, Date> ends = new HashMap<>();
      ends.put(pi.getId(), running ? timer.getDuedate() : notice.getEndTime());
      return notices(Map.of(pi.getId(), applicationNumber), Map.of(pi.getId(), notice.getStartTime()), ends, running)
          .stream().findFirst();
    });
  }

  /** The published notices of these instances (id to application number), with their published variables. */
  private List<Notice> notices(Map<String, String> numbers, Map<String, Date> starts, Map<String, Date> ends,
      boolean running) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(numbers.keySet().toArray(String[]::new))
        .variableNameIn(PUBLISHED.toArray(String[]::new)).list().stream()
        .filter(h -> h.getProcessInstanceId().equals(h.getExecutionId()))
        .forEach(h -> values.computeIfAbsent(h.getProcessInstanceId(), id -> new HashMap<>()).put(h.getName(), h.getValue()));
    List<Notice> notices = new ArrayList<>();
    numbers.forEach((id, number) -> {
      if (starts.containsKey(id)) {
        notices.add(notice(number, values.getOrDefault(id, Map.of()), starts.get(id), ends.get(id), running));
      }
    });
    notices.sort(Comparator.comparing(Notice::starts, Comparator.nullsLast(Comparator.reverseOrder())));
    return notices;
  }

  private static Notice notice(String number, Map<String, Object> v, Date start, Date end, boolean running) {
    String county = County.nameOf(v.get(COUNTY));
    boolean makers = "maker".equals(v.get(SPACE_FOCUS));
    String result = running ? "公示中" : switch (String.valueOf(v.get(OUTCOME))) {
      case "CERTIFIED" -> "公示期满无异议或异议不成立，已认定";
      case "REJECTED" -> "不予认定";
      default -> "公示已结束";
    };
    return new Notice(number, (String) v.get(SPACE_NAME), (String) v.get(OPERATOR_NAME), county,
        (String) v.get(SPACE_ADDRESS), makers ? "创客" : "创业团队", area(v.get(TOTAL_AREA)), area(v.get(PUBLIC_SERVICE_AREA)),
        makers ? v.get(ACTIVE_MAKERS) : v.get(ACTIVE_TEAMS), day(start), day(end), running, result);
  }

  private static String area(Object value) {
    return value instanceof Number number ? ReadableValues.number(number.doubleValue()) : Objects.toString(value, "");
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toInstant().atZone(ZONE).toLocalDate();
  }
}
