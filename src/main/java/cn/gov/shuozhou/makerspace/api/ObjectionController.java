package cn.gov.shuozhou.makerspace.api;

import cn.gov.shuozhou.makerspace.publicnotice.ObjectionDoor;
import cn.gov.shuozhou.makerspace.publicnotice.Objections.Filed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final ObjectionDoor door;

  public ObjectionController(ObjectionDoor door) {
    this.door = door;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> object(@RequestBody Map<String, Object> body, HttpServletRequest request) {
    Filed filed = door.file(body, request.getRemoteAddr());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("acknowledgementNumber", filed.acknowledgementNumber());
    answer.put("message", ObjectionDoor.acknowledgement(filed));
    return ResponseEntity.status(filed.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
  }
}
