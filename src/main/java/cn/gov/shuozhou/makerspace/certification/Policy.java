package cn.gov.shuozhou.makerspace.certification;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.POLICY;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Read access to the policy numbers of decision {@code certification-policy}, which every instance
 * evaluates once at its start into variable {@code policy}: an application is handled under the
 * policy in force when it was filed, and history shows which decision version that was.
 */
public final class Policy {

  private final Map<?, ?> values;

  private Policy(Map<?, ?> values) {
    this.values = values;
  }

  public static Policy of(VariableScope scope) {
    Object v = scope.getVariable(POLICY);
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalStateException("变量 policy 缺失：流程未读取认定政策参数（certification-policy）");
    }
    return new Policy(m);
  }

  public int intValue(String name) {
    Object v = values.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("认定政策参数 " + name + " 缺失或不是数字");
    }
    return n.intValue();
  }

  public String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("认定政策参数 " + name + " 缺失");
    }
    return v.toString();
  }
}
