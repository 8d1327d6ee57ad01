package cn.gov.shuozhou.makerspace.county;

import cn.gov.shuozhou.makerspace.access.Caller;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import cn.gov.shuozhou.makerspace.common.ReadableValues;
import cn.gov.shuozhou.makerspace.materials.MaterialStep;
import cn.gov.shuozhou.makerspace.materials.MaterialUploads;
import cn.gov.shuozhou.makerspace.registry.Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one service record entry of a space (Art. 6): exactly the declared fields, every problem
 * named at its field; the entry and the binding of its attachments (drafts the recorder uploaded
 * through {@code /api/materials}, step {@code serviceRecord}) in one transaction, so a refusal
 * leaves nothing behind. Who may record for which space is decided before ({@code access/}).
 */
@Service
public class ServiceRecording {

  static final String SERVED_ON = "servedOn";
  static final String KIND = "kind";
  static final String DESCRIPTION = "description";
  static final String ATTACHMENTS = "attachments";
  static final String CORRECTS = "corrects";
  static final List<String> FIELDS = List.of(SERVED_ON, KIND, DESCRIPTION, ATTACHMENTS, CORRECTS);
  /** More files belong in more entries: one entry's support is shown on one line of the assessment. */
  static final int MAX_ATTACHMENTS = 10;
  private static final int ID_LENGTH = 36;

  private final ServiceRecords records;
  private final MaterialUploads uploads;
  private final TransactionTemplate transaction;

  public ServiceRecording(ServiceRecords records, MaterialUploads uploads, TransactionTemplate transaction) {
    this.records = records;
    this.uploads = uploads;
    this.transaction = transaction;
  }

  public ServiceEntry record(Caller recorder, Certificate space, Map<String, Object> body) {
    Inputs in = Inputs.of(body == null ? Map.of() : body).only(FIELDS);
    LocalDate servedOn = servedOn(in, space);
    String kind = in.choice(KIND, "服务类型", ServiceKind.codes());
    String description = in.text(DESCRIPTION, "服务内容", true, Inputs.MAX_TEXT);
    List<String> attachments = attachments(in);
    String corrects = corrects(in, space);
    in.throwIfInvalid();
    Instant now = EngineClock.now().toInstant();
    ServiceEntry entry = new ServiceEntry(UUID.randomUUID().toString(), space.certificateNumber(), servedOn, kind,
        ReadableValues.label(ServiceKind.DICTIONARY, kind), description, attachments, corrects, null,
        recorder.userId(), now);
    try {
      transaction.executeWithoutResult(status -> {
        uploads.bindDrafts(recorder.userId(), space.certificateNumber(), MaterialStep.SERVICE_RECORD, attachments,
            ATTACHMENTS, now);
        records.insert(entry);
      });
    } catch (DuplicateKeyException concurrentCorrection) {
      throw new ApiRefusal(ProblemType.CONFLICT, "该服务记录刚刚已被更正（corrects）：请刷新后查看最新记录");
    }
    return entry;
  }

  /** The day of the support: an ISO date, not after today, not before the space was certified. */
  private static LocalDate servedOn(Inputs in, Certificate space) {
    String text = in.text(SERVED_ON, "服务日期", true, 10);
    if (text == null) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      in.fail(SERVED_ON, "服务日期（servedOn）格式不正确，应为年-月-日，如 2026-03-05");
      return null;
    }
    if (day.isAfter(EngineClock.today())) {
      in.fail(SERVED_ON, "服务日期（servedOn）不得晚于今天（" + ReadableValues.date(EngineClock.today()) + "）");
    } else if (day.isBefore(space.certifiedOn())) {
      in.fail(SERVED_ON, "服务日期（servedOn）不得早于该众创空间的认定日期（" + ReadableValues.date(space.certifiedOn()) + "）");
    }
    return day;
  }

  /** Ids of the recorder's uploaded drafts; none when absent. Whether each is such a draft is checked when binding. */
  private static List<String> attachments(Inputs in) {
    Object value = in.raw(ATTACHMENTS);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.size() > MAX_ATTACHMENTS
        || list.stream().anyMatch(id -> !(id instanceof String s) || s.isBlank() || s.length() > ID_LENGTH)) {
      in.fail(ATTACHMENTS, "附件（attachments）应为至多" + MAX_ATTACHMENTS + "个已上传文件编号（fileId）的列表");
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    list.forEach(id -> ids.add((String) id));
    if (ids.stream().distinct().count() != ids.size()) {
      in.fail(ATTACHMENTS, "附件（attachments）中有重复的文件编号");
    }
    return List.copyOf(ids);
  }

  /** A correction names an entry of the same space that no entry has corrected yet. */
  private String corrects(Inputs in, Certificate space) {
    String id = in.text(CORRECTS, "更正的记录", false, ID_LENGTH);
    if (id == null) {
      return null;
    }
    Optional<ServiceEntry> corrected = records.find(id).filter(e -> e.certificateNumber().equals(space.certificateNumber()));
    if (corrected.isEmpty()) {
      in.fail(CORRECTS, "更正的记录（corrects）不是该众创空间的服务记录");
    } else if (!corrected.get().inForce()) {
      in.fail(CORRECTS, "更正的记录（corrects）已被更正过：请更正最新的那条记录");
    }
    return id;
  }
}
