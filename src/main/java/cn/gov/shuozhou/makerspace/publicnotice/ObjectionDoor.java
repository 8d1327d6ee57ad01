package cn.gov.shuozhou.makerspace.publicnotice;

import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.materials.ObjectionEvidence;
import cn.gov.shuozhou.makerspace.materials.ReceivedFile;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Filed;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Objection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The public's one way to object (Art. 5 (3)), shared by the JSON door {@code POST /api/objections}
 * and the notice page's own form: exactly the declared fields, each checked, then filed once,
 * with the evidence files (field {@code evidence}, {@link ObjectionEvidence}) in the same transaction;
 * and the objector's way back to the outcome.
 */
@Component
public class ObjectionDoor {

  public static final String APPLICATION_NUMBER = "applicationNumber";
  public static final String NAME = "name";
  public static final String ID_NUMBER = "idNumber";
  public static final String PHONE = "phone";
  public static final String REASONS = "reasons";
  public static final List<String> FIELDS = List.of(APPLICATION_NUMBER, NAME, ID_NUMBER, PHONE, REASONS);
  public static final String MOBILE = "^1[3-9]\\d{9}$";

  private final Objections objections;
  private final ObjectionEvidence evidenceFiles;

  public ObjectionDoor(Objections objections, ObjectionEvidence evidenceFiles) {
    this.objections = objections;
    this.evidenceFiles = evidenceFiles;
  }

  /**
   * Files the objection in {@code body} with its {@code evidence} from {@code sourceAddress}; the
   * same objection twice is one (its evidence is not stored again).
   */
  public Filed file(Map<String, Object> body, List<ReceivedFile> evidence, String sourceAddress) {
    Objection objection = objection(body, evidence, sourceAddress);
    try {
      return objections.file(objection, evidence);
    } catch (DuplicateKeyException sameObjectionAtTheSameMoment) {
      return new Filed(objections.earlier(objection).orElseThrow(() -> sameObjectionAtTheSameMoment), true);
    }
  }

  /** How the objection stands, for the objector who gives its number and the phone it was filed with. */
  public Optional<Objections.Status> status(String acknowledgementNumber, String phone) {
    return objections.status(acknowledgementNumber, phone);
  }

  /** The key of the receipt page of the filed objection {@code acknowledgementNumber}. */
  public String receiptKey(String acknowledgementNumber) {
    return objections.receiptKey(acknowledgementNumber);
  }

  /** The objection whose receipt page has {@code receiptKey}. */
  public Optional<Objections.Receipt> receipt(String receiptKey) {
    return objections.receipt(receiptKey);
  }

  /** What the objector is told. */
  public static String acknowledgement(Filed filed) {
    return filed.replay()
        ? "该异议此前已提交并受理（受理编号 " + filed.acknowledgementNumber() + "），不重复受理"
        : "异议已受理，受理编号 " + filed.acknowledgementNumber() + "；市科技局将在规定期限内核查";
  }

  /** Exactly the declared fields, each checked; every problem is reported at once. */
  private Objection objection(Map<String, Object> body, List<ReceivedFile> evidence, String sourceAddress) {
    Inputs in = Inputs.of(body).only(FIELDS);
    String number = in.text(APPLICATION_NUMBER, "申请编号", true, 64);
    String name = in.text(NAME, "异议人姓名（不受理匿名异议）", true, 50);
    String id = in.text(ID_NUMBER, "异议人居民身份证号码", true, 18);
    String canonicalId = id == null ? null : ResidentId.canonical(id);
    if (id != null && canonicalId == null) {
      in.fail(ID_NUMBER, "异议人居民身份证号码（idNumber）无效：应为18位居民身份证号码，出生日期与校验位须正确");
    }
    String phone = in.pattern(PHONE, "异议人手机号码", MOBILE, "应为11位中国大陆手机号码");
    String reasons = in.text(REASONS, "异议理由", true, Inputs.MAX_TEXT);
    evidenceFiles.check(evidence).forEach(e -> in.fail(e.field(), e.message()));
    in.throwIfInvalid();
    return new Objection(number, name, canonicalId, phone, reasons, sourceAddress);
  }
}
