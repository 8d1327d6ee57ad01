package cn.gov.shuozhou.makerspace.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends to its database: every statement (each entry of a JDBC batch
 * counts as one), round trips (executions and batch executions) and commits and rollbacks of
 * explicit transactions. Installed as a {@link BeanPostProcessor} that wraps the DataSource bean,
 * so the engine, Spring's transaction manager and the application's own JDBC code all go through it.
 */
final class SqlCounter implements BeanPostProcessor {

  final LongAdder statements = new LongAdder();
  final LongAdder roundTrips = new LongAdder();
  final LongAdder commits = new LongAdder();
  final LongAdder rollbacks = new LongAdder();
  /** Statements by kind ("insert ACT_HI_VARINST", "select ACT_RU_TASK", ...). */
  final java.util.concurrent.ConcurrentHashMap<String, LongAdder> kinds = new java.util.concurrent.ConcurrentHashMap<>();

  /** "insert ACT_HI_VARINST" for the statement's verb and first table. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

  static String kind(String sql) {
    return sql == null ? "?" : KINDS.computeIfAbsent(sql, SqlCounter::parseKind);
  }

  private static String parseKind(String sql) {
    String s = sql.trim();
    String verb = s.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        verb.equals("select") ? "(?is)\\bfrom\\s+([A-Za-z_][A-Za-z0-9_]*)"
            : verb.equals("insert") ? "(?is)\\binto\\s+([A-Za-z_][A-Za-z0-9_]*)"
            : verb.equals("update") ? "(?is)^update\\s+([A-Za-z_][A-Za-z0-9_]*)"
            : verb.equals("delete") ? "(?is)\\bfrom\\s+([A-Za-z_][A-Za-z0-9_]*)" : "(?!)").matcher(s);
    return verb + " " + (m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : "");
  }

  private void count(String sql, long n) {
    kinds.computeIfAbsent(kind(sql), k -> new LongAdder()).add(n);
  }

  /** The statement kinds and their counts, most frequent first. */
  java.util.List<java.util.Map.Entry<String, Long>> mix() {
    return kinds.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue().sum()))
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).toList();
  }

  /** A copy of the counters now. */
  record Snapshot(long statements, long roundTrips, long commits, long rollbacks) {
    Snapshot minus(Snapshot other) {
      return new Snapshot(statements - other.statements, roundTrips - other.roundTrips,
          commits - other.commits, rollbacks - other.rollbacks);
    }
  }

  Snapshot snapshot() {
    return new Snapshot(statements.sum(), roundTrips.sum(), commits.sum(), rollbacks.sum());
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, ds, (target, method, args) -> {
        Object result = invoke(target, method, args);
        return result instanceof Connection c ? connection(c) : result;
      });
    }
    return bean;
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (t, method, args) -> {
      switch (method.getName()) {
        case "commit" -> commits.increment();
        case "rollback" -> {
          if (args == null || args.length == 0) {
            rollbacks.increment();
          }
        }
        default -> { }
      }
      Object result = invoke(t, method, args);
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
      if (result instanceof CallableStatement s) {
        return statement(CallableStatement.class, s, sql);
      }
      if (result instanceof PreparedStatement s) {
        return statement(PreparedStatement.class, s, sql);
      }
      if (result instanceof Statement s) {
        return statement(Statement.class, s, null);
      }
      return result;
    });
  }

  private <S extends Statement> S statement(Class<S> type, S target, String preparedSql) {
    long[] batched = new long[1];
    java.util.List<String> batchSql = new java.util.ArrayList<>();
    return proxy(type, target, (t, method, args) -> {
      String name = method.getName();
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
      if (name.equals("addBatch")) {
        batched[0]++;
        batchSql.add(sql);
      } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        statements.add(batched[0]);
        batchSql.forEach(q -> count(q, 1));
        batchSql.clear();
        batched[0] = 0;
        roundTrips.increment();
      } else if (name.startsWith("execute")) {
        statements.increment();
        roundTrips.increment();
        count(sql, 1);
      } else if (name.equals("clearBatch")) {
        batched[0] = 0;
        batchSql.clear();
      }
      return invoke(t, method, args);
    });
  }

  private interface Handler<T> {
    Object handle(T target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
    InvocationHandler h = (p, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args.length == 1 && ((Class<?>) args[0]).isInstance(p)) {
        return p;
      }
      if (method.getName().equals("equals") && args != null && args.length == 1) {
        return p == args[0];
      }
      if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
        return System.identityHashCode(p);
      }
      return handler.handle(target, method, args);
    };
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
