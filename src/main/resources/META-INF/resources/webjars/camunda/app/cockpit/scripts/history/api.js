// Read-only calls to the engine's REST API through the Cockpit session (/camunda/api/engine/...).
// POST is used only for queries (long filter bodies); it needs the session's CSRF token.

function cookie(name) {
  const match = document.cookie.split(';').map(part => part.trim())
    .find(part => part.startsWith(name + '='));
  return match ? decodeURIComponent(match.substring(name.length + 1)) : null;
}

function queryString(params) {
  const entries = Object.entries(params || {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (!entries.length) {
    return '';
  }
  return '?' + entries.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

function problem(status, body) {
  if (status === 401) {
    return '登录已过期，请重新登录。';
  }
  if (status === 403) {
    return '没有查看该数据的权限。';
  }
  if (status === 404) {
    return '未找到该数据（可能已被清理）。';
  }
  const message = body && body.message ? `：${body.message}` : '';
  return `查询失败（HTTP ${status}）${message}`;
}

export class EngineClient {
  /** api: the object Cockpit passes to a plugin's render (api.engineApi, api.CSRFToken). */
  constructor(api) {
    this.base = api.engineApi;
    this.fallbackToken = api.CSRFToken;
  }

  async request(method, path, params, body) {
    const headers = {Accept: 'application/json'};
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || this.fallbackToken;
    }
    const response = await fetch(this.base + path + queryString(params), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = text;
      }
    }
    if (!response.ok) {
      const error = new Error(problem(response.status, data));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  get(path, params) {
    return this.request('GET', path, params);
  }

  /** A query with a JSON body (read-only). */
  query(path, body, params) {
    return this.request('POST', path, params, body);
  }

  /** GET that answers null instead of failing with 404. */
  async optional(path, params) {
    try {
      return await this.get(path, params);
    } catch (e) {
      if (e.status === 404) {
        return null;
      }
      throw e;
    }
  }

  /** Every element of a GET list, fetched in pages of pageSize. */
  async all(path, params, pageSize = 500) {
    const result = [];
    for (let first = 0; ; first += pageSize) {
      const page = await this.get(path, {...params, firstResult: first, maxResults: pageSize});
      result.push(...page);
      if (page.length < pageSize || result.length >= 20000) {
        return result;
      }
    }
  }
}
