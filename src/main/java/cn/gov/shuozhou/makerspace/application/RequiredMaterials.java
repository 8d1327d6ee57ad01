package cn.gov.shuozhou.makerspace.application;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.*;

import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.dmn.StandaloneDecisions;
import java.util.HashMap;
import java.util.HashSet;
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
   * Every item the decision can ask for, whatever the application's answers (code → name), in the
   * checklists' order (the decision's rule order: what precedes an item in any checklist precedes it
   * here): the items an upload may name before the application is filed, and the order lists of
   * materials follow.
   */
  public Map<String, String> allItems() {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Set<String>> before = new HashMap<>(); // item → the items some checklist lists before it
    for (String premises : List.of("owned", "leased")) {
      for (String hostType : List.of("university", "other")) {
        for (Boolean converted : List.of(true, false)) {
          for (String focus : List.of("maker", "team")) {
            List<Material> list = of(Map.of(PREMISES, premises, HOST_TYPE, hostType, CONVERTED_OLD_BUILDING, converted,
                SPACE_FOCUS, focus));
            for (int i = 0; i < list.size(); i++) {
              names.putIfAbsent(list.get(i).code(), list.get(i).name());
              Set<String> earlier = before.computeIfAbsent(list.get(i).code(), code -> new HashSet<>());
              list.subList(0, i).forEach(m -> earlier.add(m.code()));
            }
          }
        }
      }
    }
    Map<String, String> items = new LinkedHashMap<>();
    while (items.size() < names.size()) {
      // the first item (as first met) whose predecessors are all placed; any, should checklists disagree
      String next = names.keySet().stream().filter(code -> !items.containsKey(code))
          .filter(code -> items.keySet().containsAll(before.get(code))).findFirst()
          .orElseGet(() -> names.keySet().stream().filter(code -> !items.containsKey(code)).findFirst().orElseThrow());
      items.put(next, names.get(next));
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
