package cn.gov.shuozhou.makerspace.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The decision tables shipped with this release ({@code makerspace.rules.packaged-location}), read
 * once at start, with their regression cases. The rules feature knows exactly these keys.
 */
@Component
public class PackagedRules {

  private final Map<String, PackagedRule> rules;

  public PackagedRules(RulesProperties properties, ResourceLoader resourceLoader) {
    this.rules = load(properties, resourceLoader);
  }

  /** Every packaged rule, sorted by key. */
  public Collection<PackagedRule> all() {
    return rules.values();
  }

  public Optional<PackagedRule> find(String key) {
    return Optional.ofNullable(key == null ? null : rules.get(key));
  }

  private static Map<String, PackagedRule> load(RulesProperties properties, ResourceLoader resourceLoader) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(resourceLoader);
    Map<String, PackagedRule> found = new java.util.TreeMap<>();
    try {
      for (Resource resource : resolver.getResources(properties.packagedLocation())) {
        if (!resource.isReadable() || resource.getFilename() == null) {
          continue;
        }
        PackagedRule rule = read(resource, properties, resourceLoader);
        PackagedRule duplicate = found.put(rule.key(), rule);
        if (duplicate != null) {
          throw new IllegalStateException("two packaged DMN files hold decision key '" + rule.key()
              + "': " + duplicate.fileName() + " and " + rule.fileName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list packaged rules at " + properties.packagedLocation(), e);
    }
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(found));
  }

  private static PackagedRule read(Resource resource, RulesProperties properties, ResourceLoader loader)
      throws IOException {
    String fileName = resource.getFilename();
    byte[] bytes;
    try (InputStream in = resource.getInputStream()) {
      bytes = in.readAllBytes();
    }
    String xml = RuleXml.decode(bytes, null);
    DmnModelInstance model =
        RegressionCases.readModel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    String key = mainDecision(model, fileName);
    List<String> ids = new ArrayList<>();
    ids.add(key);
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!decision.getId().equals(key)) {
        ids.add(decision.getId());
      }
    }
    return new PackagedRule(key, fileName, xml, RuleXml.checksum(xml), ids, cases(key, properties, loader));
  }

  /** The decision named like the file, else the only decision no other one requires. */
  static String mainDecision(DmnModelInstance model, String fileName) {
    String baseName = fileName.endsWith(".dmn") ? fileName.substring(0, fileName.length() - 4) : fileName;
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    Set<String> required = new HashSet<>();
    for (Decision decision : decisions) {
      if (decision.getId().equals(baseName)) {
        return baseName;
      }
      for (InformationRequirement requirement : decision.getInformationRequirements()) {
        if (requirement.getRequiredDecision() != null) {
          required.add(requirement.getRequiredDecision().getId());
        }
      }
    }
    List<String> tops = decisions.stream().map(Decision::getId).filter(id -> !required.contains(id)).toList();
    if (tops.size() != 1) {
      throw new IllegalStateException("packaged DMN file " + fileName + " must hold one main decision, found " + tops);
    }
    return tops.get(0);
  }

  private static DecisionCaseSet cases(String key, RulesProperties properties, ResourceLoader loader)
      throws IOException {
    Resource file = loader.getResource(properties.casesLocation() + key + ".json");
    if (!file.exists()) {
      return new DecisionCaseSet(key, List.of());
    }
    try (InputStream in = file.getInputStream()) {
      DecisionCaseSet set = DecisionCaseSet.read(in);
      if (!key.equals(set.decisionKey())) {
        throw new IllegalStateException("regression cases " + file + " are for '" + set.decisionKey()
            + "', expected '" + key + "'");
      }
      return set;
    }
  }
}
