package cn.gov.shuozhou.makerspace.api;

import cn.gov.shuozhou.makerspace.materials.ObjectionEvidence;
import cn.gov.shuozhou.makerspace.materials.ReceivedFile;
import cn.gov.shuozhou.makerspace.publicnotice.ObjectionDoor;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Filed;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/objections}: anyone, without login, objects to a running public notice under
 * their real name (Art. 5 (3)): JSON, or multipart/form-data with evidence files. It uses no
 * session and no user, so a cross-site post forges nothing (the notice page's own form posts the
 * same door); {@code ApiAuthenticationFilter} lets exactly this path through.
 */
@RestController
public class ObjectionController {

  public static final String PATH = "/api/objections";

  private final ObjectionDoor door;
  private final ObjectionEvidence evidence;

  public ObjectionController(ObjectionDoor door, ObjectionEvidence evidence) {
    this.door = door;
    this.evidence = evidence;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> object(@RequestBody Map<String, Object> body, HttpServletRequest request) {
    return answer(door.file(body, List.of(), request.getRemoteAddr()));
  }

  /** The same objection with evidence files: the fields as form parts, each file as a part {@code evidence}. */
  @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, Object>> objectWithEvidence(HttpServletRequest request)
      throws IOException, ServletException {
    List<ReceivedFile> files = evidence.received(request); // before any field: refuses an oversized body unread
    Map<String, Object> body = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> body.put(name, values.length == 1 ? values[0] : List.of(values)));
    return answer(door.file(body, files, request.getRemoteAddr()));
  }

  private static ResponseEntity<Map<String, Object>> answer(Filed filed) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("acknowledgementNumber", filed.acknowledgementNumber());
    answer.put("message", ObjectionDoor.acknowledgement(filed));
    return ResponseEntity.status(filed.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
  }
}
