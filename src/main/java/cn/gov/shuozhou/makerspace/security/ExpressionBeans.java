package cn.gov.shuozhou.makerspace.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Spring beans that expressions ({@code ${...}}) may name: exactly those that the application's
 * own packaged models ({@code bpmn/**}) name, and only beans of this application's packages. Any
 * other bean ({@code dataSource}, {@code processEngineConfiguration}, {@code identityService}, ...)
 * is unknown to expressions, so a deployed model cannot reach it by name.
 *
 * <p>The list is derived from the models, so a new delegate needs no change here: naming it in a
 * packaged model is enough. It is computed on first use, when the application context is ready.
 */
public class ExpressionBeans {

  static final String PACKAGED_MODELS = "classpath*:bpmn/**/*.bpmn";
  static final String APPLICATION_PACKAGE = "cn.gov.shuozhou.makerspace.";

  private static final Logger LOG = LoggerFactory.getLogger(ExpressionBeans.class);
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;|&apos;.*?&apos;");
  /** An identifier at the root of a (sub)expression: not after a dot, not a function call. */
  private static final Pattern ROOT_IDENTIFIER =
      Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\w|\\s*\\()");
  private static final Set<String> EL_KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "true", "false", "null", "empty", "div", "mod", "instanceof");

  private final ApplicationContext applicationContext;
  private volatile Set<String> names;

  public ExpressionBeans(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  public boolean isExposed(String name) {
    return names().contains(name);
  }

  public Object bean(String name) {
    return applicationContext.getBean(name);
  }

  /** The exposed bean names, sorted. */
  public Set<String> names() {
    Set<String> result = names;
    if (result == null) {
      synchronized (this) {
        if (names == null) {
          names = Set.copyOf(compute());
          LOG.info("Beans resolvable from expressions: {}", new TreeSet<>(names));
        }
        result = names;
      }
    }
    return result;
  }

  private Set<String> compute() {
    Set<String> exposed = new TreeSet<>();
    for (String identifier : identifiersOfPackagedModels()) {
      if (!applicationContext.containsBean(identifier)) {
        continue; // a process variable
      }
      Class<?> type = applicationContext.getType(identifier);
      if (type != null && type.getName().startsWith(APPLICATION_PACKAGE)) {
        exposed.add(identifier);
      } else {
        LOG.warn("A packaged model names bean '{}' ({}), which is not part of this application: not exposed to expressions",
            identifier, type);
      }
    }
    return exposed;
  }

  /** Every root identifier in the expressions of the packaged models (beans and variables alike). */
  Set<String> identifiersOfPackagedModels() {
    Set<String> identifiers = new TreeSet<>();
    try {
      for (Resource model : new PathMatchingResourcePatternResolver(applicationContext.getClassLoader())
          .getResources(PACKAGED_MODELS)) {
        try (InputStream in = model.getInputStream()) {
          identifiers.addAll(rootIdentifiers(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return identifiers;
  }

  static Set<String> rootIdentifiers(String text) {
    Set<String> identifiers = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = STRING_LITERAL.matcher(expression.group(1)).replaceAll("''");
      Matcher identifier = ROOT_IDENTIFIER.matcher(body);
      while (identifier.find()) {
        if (!EL_KEYWORDS.contains(identifier.group(1))) {
          identifiers.add(identifier.group(1));
        }
      }
    }
    return identifiers;
  }
}
