package cn.gov.shuozhou.makerspace.common;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of refusal our doors answer (RFC 9457 problem types): a stable {@code type} URI for
 * automation, the HTTP status and a short Chinese {@code title}; the {@code detail} of each answer
 * says what exactly was refused. docs/api-errors.md lists them.
 */
public enum ProblemType {
  INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "输入有误"),
  INVALID_PATH(HttpStatus.BAD_REQUEST, "invalid-path", "请求路径不规范"),
  RULE_REFUSED(HttpStatus.BAD_REQUEST, "rule-refused", "决策表未通过检查"),
  AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "authentication-required", "未登录"),
  AUTHENTICATION_FAILED(HttpStatus.UNAUTHORIZED, "authentication-failed", "用户名或密码错误"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作"),
  CSRF_TOKEN_INVALID(HttpStatus.FORBIDDEN, "csrf-token-invalid", "CSRF令牌无效"),
  SETUP_CLOSED(HttpStatus.FORBIDDEN, "setup-closed", "初始化设置已关闭"),
  NOT_AN_ORGANISATION(HttpStatus.FORBIDDEN, "not-an-organisation", "非申报单位账号"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "未找到"),
  TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "task-not-found", "任务不存在或已办结"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "接口不支持该请求方法"),
  NO_RUNNING_PROCESS(HttpStatus.NOT_FOUND, "no-running-process", "没有正在进行的相应流程"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "与当前状态冲突"),
  CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change", "已被他人同时修改"),
  TASK_ALREADY_CLAIMED(HttpStatus.CONFLICT, "task-already-claimed", "任务已由他人认领"),
  CHANGED_CASES_NOT_CONFIRMED(HttpStatus.CONFLICT, "changed-cases-not-confirmed", "回归用例结果的变化未经确认"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "请求内容类型不受支持"),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "请求过于频繁"),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "服务暂不可用");

  /** Where the problem type URIs live (relative to the application). */
  public static final String BASE = "/problems/";

  private final HttpStatus status;
  private final URI uri;
  private final String title;

  ProblemType(HttpStatus status, String slug, String title) {
    this.status = status;
    this.uri = URI.create(BASE + slug);
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI uri() {
    return uri;
  }

  public String title() {
    return title;
  }
}
