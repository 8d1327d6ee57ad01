package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.common.SafeXml;
import cn.gov.shuozhou.makerspace.dmn.FeelLanguage;
import cn.gov.shuozhou.makerspace.common.FieldError;
import cn.gov.shuozhou.makerspace.common.InvalidInputException;
import cn.gov.shuozhou.makerspace.rules.RuleLimits;
import cn.gov.shuozhou.makerspace.rules.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses, on every deployment path (engine REST, Cockpit/Modeler, the rule page, the application's
 * own auto-deployment), any new deployment that could run a script:
 *
 * <ul>
 *   <li>resources other than BPMN, DMN, Camunda Forms and plain images (no HTML forms, JavaScript,
 *       SVG, CMMN, Groovy, ...);
 *   <li>in BPMN: script tasks, {@code camunda:script} in listeners, input/output mappings or
 *       conditions, script conditions ({@code language} attribute), {@code scriptFormat};
 *   <li>in DMN: any {@code expressionLanguage} other than FEEL (JUEL, Groovy, JavaScript, Python, ...),
 *       and tables past the {@link RuleLimits} (size, rules, cells, expression length, FEEL
 *       constructs without a bound), as the rule check refuses them.
 * </ul>
 *
 * Runs as a pre-deployer inside the deployment's transaction: a refused deployment leaves nothing
 * behind, and the caller gets 400 with a Chinese message per resource. Deployments already in the
 * database are not re-checked when the engine loads them into its cache; {@link NoScriptEngines}
 * and {@link NoJuelInDecisions} stop such scripts when they would run.
 */
public class DeploymentGuard implements Deployer {

  private final RuleLimits limits;

  /** {@code limits}: the same limits as the rule check, so that no path deploys a table the check refuses. */
  public DeploymentGuard(RuleLimits limits) {
    this.limits = limits;
  }

  private static final List<String> ALLOWED_SUFFIXES = List.of(
      ".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".png", ".jpg", ".jpeg", ".gif");

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources == null) {
      return;
    }
    List<FieldError> problems = new ArrayList<>();
    for (ResourceEntity resource : resources.values()) {
      problems.addAll(check(resource.getName(), resource.getBytes()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The problems of one resource; empty when it may be deployed. */
  public List<FieldError> check(String name, byte[] content) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
      return List.of(new FieldError(name, "部署资源 " + name
          + " 的类型不允许：只能部署BPMN流程（.bpmn）、DMN决策表（.dmn）、Camunda表单（.form）和图片（.png/.jpg/.gif），"
          + "不允许HTML表单、脚本、SVG或CMMN"));
    }
    boolean bpmn = lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
    boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      return List.of();
    }
    Document document;
    try {
      document = SafeXml.parse(content);
    } catch (Exception e) {
      return List.of(new FieldError(name, "部署资源 " + name + " 不是格式正确的XML文件（不允许DOCTYPE和外部实体）"));
    }
    List<FieldError> problems = new ArrayList<>();
    if (bpmn) {
      checkBpmn(name, document.getDocumentElement(), problems);
    } else {
      checkDmn(name, document.getDocumentElement(), problems);
      checkDmnLimits(name, content.length, document.getDocumentElement(), problems);
    }
    return problems;
  }

  private void checkBpmn(String name, Element element, List<FieldError> problems) {
    String local = localName(element);
    if ("scriptTask".equals(local)) {
      problems.add(refusal(name, "含有脚本任务（scriptTask " + id(element) + "）"));
    } else if ("script".equals(local)) {
      problems.add(refusal(name, "含有脚本（" + element.getNodeName() + "，位于 " + ancestorId(element) + "）"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = localName(attribute);
      if ("scriptFormat".equals(attributeName) || "language".equals(attributeName)) {
        problems.add(refusal(name, "含有脚本语言声明（" + attribute.getName() + "=\"" + attribute.getValue()
            + "\"，位于 " + ancestorId(element) + "）"));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        checkBpmn(name, e, problems);
      }
    }
  }

  private void checkDmn(String name, Element element, List<FieldError> problems) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if ("expressionLanguage".equals(localName(attribute)) && !FeelLanguage.isFeel(attribute.getValue())) {
        problems.add(new FieldError(name, "决策表 " + name + " 使用了不允许的表达式语言 \"" + attribute.getValue()
            + "\"（位于 " + ancestorId(element) + "）：决策表只允许使用FEEL"));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        checkDmn(name, e, problems);
      }
    }
  }

  private void checkDmnLimits(String name, int bytes, Element definitions, List<FieldError> problems) {
    if (bytes > limits.maxXmlBytes()) {
      problems.add(new FieldError(name, "决策表 " + name + " 过大：" + bytes + " 字节，上限为 " + limits.maxXmlBytes() + " 字节"));
    }
    for (RuleProblem problem : limits.check(definitions)) {
      problems.add(new FieldError(name, "决策表 " + name + "：" + problem.message()));
    }
  }

  private static FieldError refusal(String name, String what) {
    return new FieldError(name, "流程模型 " + name + " " + what + "：本系统禁止在部署中使用脚本，请改用表达式或系统内置的处理程序");
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static String id(Element element) {
    String id = element.getAttribute("id");
    return id.isEmpty() ? "无id" : "id=" + id;
  }

  /** The id of the element or of its nearest ancestor that has one, to tell the modeller where to look. */
  private static String ancestorId(Element element) {
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return localName(e) + " id=" + e.getAttribute("id");
      }
    }
    return localName(element);
  }
}
