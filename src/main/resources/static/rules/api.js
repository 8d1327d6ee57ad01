// The rule administration API (/api/rules).

import { ApiError, NotLoggedIn, defaultMessage, request } from '/common/session.js';

const enc = encodeURIComponent;

export const rules = {
  list: () => request('GET', '/api/rules').then((r) => r.data || []),
  get: (key) => request('GET', `/api/rules/${enc(key)}`).then((r) => r.data),
  xmlUrl: (key, version) => `/api/rules/${enc(key)}/xml${version != null ? `?version=${enc(version)}` : ''}`,
  async xml(key, version) {
    const response = await fetch(this.xmlUrl(key, version), {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/xml, text/xml, */*', 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (response.status === 401) {
      throw new NotLoggedIn(401, '登录已失效，请重新登录。');
    }
    if (!response.ok) {
      let message = defaultMessage(response.status);
      try {
        const data = await response.json();
        message = data.detail || message;
      } catch {
        // not JSON
      }
      throw new ApiError(response.status, message);
    }
    return response.text();
  },
  check: (key, xml) => request('POST', `/api/rules/${enc(key)}/check`, { xml }).then((r) => r.data),
  activate: (key, xml, reason, confirmChangedCases, baseVersion) =>
    request('POST', `/api/rules/${enc(key)}/activate`, {
      json: { xml, reason, confirmChangedCases, baseVersion },
    }).then((r) => r.data),
  rollback: (key, version, reason) =>
    request('POST', `/api/rules/${enc(key)}/rollback`, { json: { version, reason } }).then((r) => r.data),
  approve: (key, proposalId, reason) =>
    request('POST', `/api/rules/${enc(key)}/proposals/${enc(proposalId)}/approve`, { json: { reason } }).then((r) => r.data),
  reject: (key, proposalId, reason) =>
    request('POST', `/api/rules/${enc(key)}/proposals/${enc(proposalId)}/reject`, { json: { reason } }).then((r) => r.data),
  resolveConflict: (key, choice, reason) =>
    request('POST', `/api/rules/${enc(key)}/conflict`, { json: { choice, reason } }).then((r) => r.data),
};
