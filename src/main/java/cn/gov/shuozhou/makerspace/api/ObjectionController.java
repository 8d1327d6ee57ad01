package cn.gov.shuozhou.makerspace.api;

import cn.gov.shuozhou.makerspace.publicnotice.Objections;
import cn.gov.shuozhou.makerspace.publicnotice.ResidentId;
import cn.gov.shuozhou.makerspace.common.Inputs;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Filed;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Objection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/objections}: anyone, without login, objects to a running public notice under
 * their real name (Art. 5 (3)). JSON only, which a cross-site form cannot send without the
 * browser's CORS preflight; {@code ApiAuthenticationFilter} lets exactly this path through.
 */
@RestController
public class ObjectionController {

  public static final String PATH = "/api/objections";
  static final String APPLICATION_NUMBER = "applicationNumber";
  static final String NAME = "name";
  static final String ID_NUMBER = "idNumber";
  static final String PHONE = "phone";
  static final String REASONS = "reasons";
  static final List<String> FIELDS = List.of(APPLICATION_NUMBER, NAME, ID_NUMBER, PHONE, REASONS);
  static final String MOBILE = "^1[3-9]\\d{9}$";

  private final Objections objections;

  public ObjectionController(Objections objections) {
    this.objections = objections;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> object(@RequestBody Map<String, Object> body, HttpServletRequest request) {
    Objection objection = objection(body, request.getRemoteAddr());
    Filed filed;
    try {
      filed = objections.file(objection);
    } catch (DuplicateKeyException sameObjectionAtTheSameMoment) {
      filed = new Filed(objections.earlier(objection).orElseThrow(() -> sameObjectionAtTheSameMoment), true);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("acknowledgementNumber", filed.acknowledgementNumber());
    answer.put("message", filed.replay()
        ? "该异议此前已提交并受理（受理编号 " + filed.acknowledgementNumber() + "），不重复受理"
        : "异议已受理，受理编号 " + filed.acknowledgementNumber() + "；市科技局将在规定期限内核查");
    return ResponseEntity.status(filed.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
  }

  /** Exactly the declared fields, each checked; every problem is reported at once. */
  private static Objection objection(Map<String, Object> body, String sourceAddress) {
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
    in.throwIfInvalid();
    return new Objection(number, name, canonicalId, phone, reasons, sourceAddress);
  }
}
