package cn.gov.shuozhou.makerspace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shuozhou.makerspace.support.AbstractHttpTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A filter saved by the first release gets the current card variables on the next start, and keeps the administrator's own. */
class TaskFilterCardVariablesTest extends AbstractHttpTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;

  @Test
  void theNextStartReplacesTheFirstReleasesCardVariablesAndKeepsTheAdministratorsOwn() {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createTaskFilterQuery().filterName(TaskFilters.MY_GROUP_TASKS).singleResult();
    Map<String, Object> original = new HashMap<>(filter.getProperties());
    Map<String, String> own = Map.of("name", "contactName", "label", "联系人");
    Map<String, Object> earlier = new HashMap<>(original);
    earlier.put("variables", List.of(own, Map.of("name", "spaceName", "label", "众创空间名称"),
        Map.of("name", "operatorName", "label", "运营机构名称")));
    filters.saveFilter(filter.setProperties(earlier));
    try {
      identitySetup.apply(engine);

      Map<String, Object> now = filters.getFilter(filter.getId()).getProperties();
      assertThat(now.get("variables")).isEqualTo(concat(own, TaskFilterDefinition.LIST_VARIABLES));
      assertThat(now.get("color")).isEqualTo(original.get("color"));
    } finally {
      filters.saveFilter(filters.getFilter(filter.getId()).setProperties(original));
    }
  }

  private static List<Map<String, String>> concat(Map<String, String> first, List<Map<String, String>> rest) {
    List<Map<String, String>> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
