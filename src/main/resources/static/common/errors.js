// The one reader of our refusals. It understands both bodies the server answers with: today's
// {type, message, errors} (web/ErrorBody, the rules API's body, Camunda's {type, message}) and
// RFC 9457 problem details {type, title, status, detail, errors: [{field, message}]}.

/** A refusal or failure of the API, with the API's own (Chinese) message and per-field errors. */
export class ApiError extends Error {
  constructor(status, message, errors = [], body = null) {
    super(message);
    this.status = status;
    this.errors = Array.isArray(errors) ? errors : [];
    this.body = body;
  }
}

/** No (more) session: the page shows its login form. */
export class NotLoggedIn extends ApiError {}

/** The Chinese message for an HTTP status whose answer says nothing itself. */
export function defaultMessage(status) {
  switch (status) {
    case 400: return '请求被拒绝：内容不符合要求。';
    case 401: return '登录已失效，请重新登录。';
    case 403: return '无权执行此操作：当前用户所在的组没有相应权限。';
    case 404: return '未找到。';
    case 409: return '操作与当前状态冲突，请刷新后重试。';
    case 413: return '文件过大。';
    case 415: return '文件类型不受支持。';
    default: return status >= 500
      ? `服务器处理失败（HTTP ${status}），请稍后再试或联系系统运维人员。`
      : `请求失败（HTTP ${status}）。`;
  }
}

function text(value) {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** One entry of an errors list as {field, code, message}; a plain string is a message. */
function fieldError(entry) {
  if (typeof entry === 'string') {
    return { field: null, code: null, message: entry };
  }
  const item = entry && typeof entry === 'object' ? entry : {};
  return {
    ...item,
    field: text(item.field) || text(item.pointer) || null,
    code: text(item.code) || null,
    message: text(item.message) || text(item.detail) || text(item.title) || JSON.stringify(entry),
  };
}

/**
 * The refusal of an answer with this status and (parsed JSON) body: the most specific Chinese
 * text the body has (problem detail, then message, then title), else the status's own text.
 */
export function readError(status, body) {
  const data = body && typeof body === 'object' ? body : {};
  const message = text(data.detail) || text(data.message) || text(data.title) || text(data.error)
    || defaultMessage(status);
  const errors = Array.isArray(data.errors) ? data.errors.map(fieldError) : [];
  const Kind = status === 401 ? NotLoggedIn : ApiError;
  return new Kind(status, message, errors, body ?? null);
}

/** Any thrown value as an Error whose message people can read. */
export function asError(value) {
  return value instanceof Error ? value : new ApiError(0, String(value));
}
