package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.common.Inputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Form lets its user write: every keyed component that is neither
 * {@code disabled} nor {@code readonly} (those only show what the process already holds; form-js
 * does not submit disabled fields either). Read from the deployed form definition, so the form a
 * user sees in Tasklist and the fields every other door accepts are one and the same list.
 */
record FormFields(Map<String, Field> writable) {

  /** One writable field: a list of values (taglist, checklist) or a single value of at most {@code maxLength} characters. */
  record Field(String key, boolean list, int maxLength) {}

  static final FormFields NONE = new FormFields(Map.of());

  private static final Set<String> LIST_TYPES = Set.of("taglist", "checklist");
  private static final ObjectMapper JSON = new ObjectMapper();

  static FormFields parse(byte[] formJson) {
    try {
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(JSON.readTree(formJson), fields);
      return new FormFields(Collections.unmodifiableMap(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable form definition", e);
    }
  }

  Field field(String name) {
    return writable.get(name);
  }

  private static void collect(JsonNode container, Map<String, Field> fields) {
    for (JsonNode component : container.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null && !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
        // a text field without a declared maximum gets the longest free text we store
        int maxLength = component.path("validate").path("maxLength").asInt(Inputs.MAX_TEXT);
        fields.put(key, new Field(key, LIST_TYPES.contains(component.path("type").asText()), maxLength));
      }
      collect(component, fields);
    }
  }
}
