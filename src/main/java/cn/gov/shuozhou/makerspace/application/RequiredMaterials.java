package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Art. 3–5: the checklist of materials of one application, from the active version of decision
 * {@code required-materials} (administered like every rule). Read for display and for the filing's
 * check, so it is evaluated outside the case: looking at a checklist writes no decision history.
 */
@Component
public class RequiredMaterials {

  public static final String KEY = "required-materials";
  /** The field a filing's missing items are reported under. */
  public static final String MATERIALS = "materials";
  private static final List<String> INPUTS = List.of(PREMISES, HOST_TYPE, CONVERTED_OLD_BUILDING, SPACE_FOCUS);

  /** One item: what proves which article, and whether it is required. */
  public record Material(String code, String name, String article, boolean required) {}

  private final StandaloneDecisions decisions;

  public RequiredMaterials(StandaloneDecisions decisions) {
    this.decisions = decisions;
  }

  /**
   * Every item the decision can ask for, whatever the application's answers (code → name): the
   * items an upload may name before the application is filed.
   */
  public Map<String, String> allItems() {
    Map<String, String> items = new LinkedHashMap<>();
    for (String premises : List.of("owned", "leased")) {
      for (String hostType : List.of("university", "other")) {
        for (Boolean converted : List.of(true, false)) {
          for (String focus : List.of("maker", "team")) {
            of(Map.of(PREMISES, premises, HOST_TYPE, hostType, CONVERTED_OLD_BUILDING, converted, SPACE_FOCUS, focus))
                .forEach(m -> items.putIfAbsent(m.code(), m.name()));
          }
        }
      }
    }
    return items;
  }

  /** The checklist for an application's {@code premises}, {@code hostType}, {@code convertedOldBuilding}, {@code spaceFocus}. */
  public List<Material> of(Map<String, Object> application) {
    Map<String, Object> inputs = new HashMap<>();
    INPUTS.forEach(name -> inputs.put(name, application.get(name)));
    return decisions.evaluate(KEY, inputs).stream()
        .map(row -> new Material((String) row.get("materialCode"), (String) row.get("materialName"),
            (String) row.get("article"), Boolean.TRUE.equals(row.get("required"))))
        .toList();
  }

  /**
   * Refuses (400, field {@link #MATERIALS}) a filing whose {@code uploaded} items lack a required
   * item of the application's checklist, naming each missing item, its code and its article.
   */
  public void requireAll(Map<String, Object> application, Set<String> uploaded) {
    List<FieldError> missing = of(application).stream()
        .filter(item -> item.required() && !uploaded.contains(item.code()))
        .map(item -> new FieldError(MATERIALS, "缺少必需的申报材料（materials）：" + item.name() + "（" + item.code()
            + "，" + item.article() + "），请先上传再提交申请"))
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
  }
}
