package cn.gov.shuozhou.makerspace.publicnotice;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.EngineClock;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.registry.NumberSequence;
import cn.gov.shuozhou.makerspace.common.ApiRefusal;
import cn.gov.shuozhou.makerspace.materials.ObjectionEvidence;
import cn.gov.shuozhou.makerspace.materials.ReceivedFile;
import cn.gov.shuozhou.makerspace.common.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a real-name objection to a running public notice: the record (table {@code ms_objection})
 * with its evidence files ({@link ObjectionEvidence}) and the message {@code PublicNoticeObjection}
 * in one transaction, so none exists without the others, within the limits of {@link ObjectionThrottle} (counted in the same transaction). The objector's ID number stays in the record; the process gets text, name and phone.
 */
@Service
public class Objections {

  /** A valid objection as the door received it. */
  public record Objection(String applicationNumber, String name, String idNumber, String phone, String reasons,
      String sourceAddress) {}

  /** The acknowledgement; {@code replay} when the same objection had been filed before. */
  public record Filed(String acknowledgementNumber, boolean replay) {}

  static final String NO_RUNNING_NOTICE = "申请编号 %s 当前没有正在进行的网上公示，不能提出异议";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final NumberSequence sequence;
  private final ObjectionThrottle throttle;
  private final ObjectionEvidence evidenceFiles;

  public Objections(ProcessEngine engine, JdbcTemplate jdbc, NumberSequence sequence, ObjectionThrottle throttle,
      ObjectionEvidence evidenceFiles) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.sequence = sequence;
    this.throttle = throttle;
    this.evidenceFiles = evidenceFiles;
  }

  @Transactional
  public Filed file(Objection objection, List<ReceivedFile> evidence) {
    String instanceId = runningNotice(objection.applicationNumber()).orElseThrow(() -> new ApiRefusal(
        ProblemType.NO_RUNNING_PROCESS, NO_RUNNING_NOTICE.formatted(objection.applicationNumber())));
    String replayKey = replayKey(instanceId, objection);
    Optional<String> earlier = earlier(replayKey);
    if (earlier.isPresent()) {
      return new Filed(earlier.get(), true);
    }
    int year = EngineClock.today().getYear();
    // the counter's row lock first: concurrent filings (any node) are then counted one after the other
    String number = "YY-%d-%06d".formatted(year, sequence.next("objection-" + year));
    throttle.admit(objection.sourceAddress(), objection.phone());
    jdbc.update("INSERT INTO ms_objection (acknowledgement_number, application_number, process_instance_id, "
            + "objector_name, id_number, phone, reasons, source_address, received_at, replay_key, receipt_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        number, objection.applicationNumber(), instanceId, objection.name(), objection.idNumber(), objection.phone(),
        objection.reasons(), objection.sourceAddress(), new Timestamp(EngineClock.now().getTime()), replayKey,
        newReceiptKey());
    evidenceFiles.store(number, objection.applicationNumber(), evidence, EngineClock.now().toInstant());
    WithoutAuthorization.call(engine, () -> engine.getRuntimeService().createMessageCorrelation(MESSAGE_OBJECTION)
        .processInstanceId(instanceId)
        .setVariable(OBJECTION_TEXT, objection.reasons())
        .setVariable(OBJECTOR_NAME, objection.name())
        .setVariable(OBJECTOR_PHONE, objection.phone())
        .setVariable(OBJECTION_ACKNOWLEDGEMENT, number)
        .correlateWithResult());
    return new Filed(number, false);
  }

  /**
   * The key of the objector's receipt page of a filed objection (one filed before the key existed
   * gets one now): random, as the page must not open to whoever counts through acknowledgement numbers.
   */
  public String receiptKey(String acknowledgementNumber) {
    jdbc.update("UPDATE ms_objection SET receipt_key = ? WHERE acknowledgement_number = ? AND receipt_key IS NULL",
        newReceiptKey(), acknowledgementNumber);
    return jdbc.queryForObject("SELECT receipt_key FROM ms_objection WHERE acknowledgement_number = ?", String.class,
        acknowledgementNumber);
  }

  /** What the receipt page shows: the acknowledgement, the notice and when; nothing of the objector. */
  public record Receipt(String acknowledgementNumber, String applicationNumber, LocalDateTime receivedAt) {}

  public Optional<Receipt> receipt(String receiptKey) {
    return jdbc.query("SELECT acknowledgement_number, application_number, received_at FROM ms_objection "
            + "WHERE receipt_key = ?",
        (rs, i) -> new Receipt(rs.getString(1), rs.getString(2), EngineClock.toLocalDateTime(rs.getTimestamp(3))),
        receiptKey).stream().findFirst();
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private static String newReceiptKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key); // 43 characters
  }

  /** The bureau's answer to an objection, recorded when {@code handleObjection} completes. */
  public void answer(String acknowledgementNumber, boolean upheld, String finding) {
    jdbc.update("UPDATE ms_objection SET handled_at = ?, upheld = ?, finding = ? WHERE acknowledgement_number = ?",
        new Timestamp(EngineClock.now().getTime()), upheld, finding, acknowledgementNumber);
  }

  /** What the objector sees: only with the acknowledgement number and the phone it was filed with. */
  public Optional<Status> status(String acknowledgementNumber, String phone) {
    return jdbc.query("SELECT acknowledgement_number, application_number, received_at, handled_at, upheld, finding "
            + "FROM ms_objection WHERE acknowledgement_number = ? AND phone = ?",
        (rs, i) -> new Status(rs.getString(1), rs.getString(2), EngineClock.toLocalDateTime(rs.getTimestamp(3)),
            EngineClock.toLocalDateTime(rs.getTimestamp(4)),
            rs.getTimestamp(4) == null ? null : rs.getBoolean(5), rs.getString(6)),
        acknowledgementNumber, phone).stream().findFirst();
  }

  /** An objection's state for its objector; {@code handledAt} is null while the bureau checks it. */
  public record Status(String acknowledgementNumber, String applicationNumber, LocalDateTime receivedAt,
      LocalDateTime handledAt, Boolean upheld, String finding) {}

  /** The acknowledgement of an objection filed concurrently with the same content, if any. */
  public Optional<String> earlier(Objection objection) {
    return runningNotice(objection.applicationNumber()).flatMap(id -> earlier(replayKey(id, objection)));
  }

  /** The certification instance whose public notice (its objection subscription) runs now. */
  private Optional<String> runningNotice(String applicationNumber) {
    return WithoutAuthorization.call(engine, () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(applicationNumber).active().list().stream()
        .map(ProcessInstance::getId)
        .filter(id -> engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(id)
            .eventType("message").eventName(MESSAGE_OBJECTION).count() > 0)
        .findFirst());
  }

  private Optional<String> earlier(String replayKey) {
    return jdbc.queryForList("SELECT acknowledgement_number FROM ms_objection WHERE replay_key = ?", String.class,
        replayKey).stream().findFirst();
  }

  /** Same notice, same person, same reasons (ignoring surrounding and repeated white space). */
  private static String replayKey(String instanceId, Objection objection) {
    String reasons = objection.reasons().strip().replaceAll("\\s+", " ");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((instanceId + "\n" + objection.idNumber() + "\n" + reasons).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
