package cn.gov.shuozhou.makerspace.security;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * The engine's expression language (JUEL) with two restrictions, replacing Spring's expression
 * manager that resolves every bean of the application context:
 *
 * <ol>
 *   <li>a name resolves to a process variable first, then only to one of {@link ExpressionBeans};
 *   <li>no reflection and no way out to the engine's internals: properties and methods such as
 *       {@code getClass}, {@code forName}, {@code getProcessEngineConfiguration},
 *       {@code getDataSource}, and any call on a {@link Class}, class loader, reflection object,
 *       {@link Runtime}, {@link ProcessBuilder}, data source or JDBC connection are refused.
 * </ol>
 *
 * Expressions therefore reach the variables and the application's own beans that the models use,
 * and call those beans' public methods, nothing else.
 */
public class RestrictedExpressionManager extends JuelExpressionManager {

  private final ExpressionBeans beans;

  public RestrictedExpressionManager(ExpressionBeans beans) {
    super(null);
    this.beans = beans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new AllowedBeansResolver(beans));
    resolver.add(new ArrayELResolver());
    resolver.add(new ListELResolver());
    resolver.add(new MapELResolver());
    resolver.add(new GuardedBeanResolver());
    return resolver;
  }

  /** Top-level names that are one of the exposed beans. */
  static class AllowedBeansResolver extends ELResolver {

    private final ExpressionBeans beans;

    AllowedBeansResolver(ExpressionBeans beans) {
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name && beans.isExposed(name)) {
        context.setPropertyResolved(true);
        return beans.bean(name);
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base == null && property instanceof String name && beans.isExposed(name)) {
        throw new PropertyNotWritableException("表达式不能修改系统组件 " + name);
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? String.class : null;
    }
  }

  /** Java bean properties and method calls, without reflection and without the engine's internals. */
  static class GuardedBeanResolver extends BeanELResolver {

    static final Set<String> DENIED_PROPERTIES = Set.of("class", "classLoader", "processEngine",
        "processEngineServices", "processEngineConfiguration", "applicationContext", "dataSource",
        "connection", "runtime", "declaredMethods", "methods", "declaredFields", "fields", "module");
    static final Set<String> DENIED_METHODS = Set.of("getClass", "forName", "getClassLoader", "loadClass",
        "newInstance", "getProcessEngine", "getProcessEngineServices", "getProcessEngineConfiguration",
        "getApplicationContext", "getDataSource", "getConnection", "getRuntime", "exec", "mapTo", "invoke",
        "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getConstructor",
        "getDeclaredConstructor", "getField", "getDeclaredField", "setAccessible", "getModule", "wait",
        "notify", "notifyAll");
    private static final Set<Class<?>> DENIED_BASES = Set.of(Class.class, ClassLoader.class,
        java.lang.reflect.AccessibleObject.class, java.lang.reflect.Member.class, Runtime.class,
        ProcessBuilder.class, Process.class, Thread.class, Module.class, javax.sql.DataSource.class,
        java.sql.Connection.class, java.lang.invoke.MethodHandles.Lookup.class);

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      check(base, property, DENIED_PROPERTIES);
      return super.getValue(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      check(base, property, DENIED_PROPERTIES);
      super.setValue(context, base, property, value);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      check(base, method, DENIED_METHODS);
      return super.invoke(context, base, method, paramTypes, params);
    }

    private static void check(Object base, Object member, Set<String> deniedNames) {
      if (base == null) {
        return;
      }
      String name = String.valueOf(member);
      if (deniedNames.contains(name) || DENIED_BASES.stream().anyMatch(type -> type.isInstance(base))
          || base.getClass().getName().startsWith("org.camunda.bpm.engine.impl.cfg.")
          || base.getClass().getName().startsWith("org.springframework.context.")) {
        throw new ELException("表达式不允许访问 " + name + "：流程表达式只能读取流程变量、调用本系统组件的公开方法");
      }
    }
  }
}
