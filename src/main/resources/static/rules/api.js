// The rule administration API (/api/rules).

import { request } from '/common/session.js';

const enc = encodeURIComponent;
const data = (r) => r.data;

export const rules = {
  list: () => request('GET', '/api/rules').then((r) => r.data || []),
  get: (key) => request('GET', `/api/rules/${enc(key)}`).then(data),
  /** {changesRules}: whether the signed-in user may change rules (else the page only shows them). */
  access: () => request('GET', '/api/rules/access').then(data),
  people: () => request('GET', '/api/rules/people').then((r) => r.data || []),
  runningCases: (key) => request('GET', `/api/rules/${enc(key)}/running-cases`).then(data),
  xmlUrl: (key, version) => `/api/rules/${enc(key)}/xml${version != null ? `?version=${enc(version)}` : ''}`,
  xml: (key, version) => request('GET', rules.xmlUrl(key, version), { as: 'text' }).then(data),
  check: (key, xml) => request('POST', `/api/rules/${enc(key)}/check`, { xml }).then(data),
  activate: (key, xml, reason, confirmChangedCases, baseVersion) =>
    request('POST', `/api/rules/${enc(key)}/activate`, {
      json: { xml, reason, confirmChangedCases, baseVersion },
    }).then(data),
  rollback: (key, version, reason) =>
    request('POST', `/api/rules/${enc(key)}/rollback`, { json: { version, reason } }).then(data),
  approve: (key, proposalId, reason) =>
    request('POST', `/api/rules/${enc(key)}/proposals/${enc(proposalId)}/approve`, { json: { reason } }).then(data),
  reject: (key, proposalId, reason) =>
    request('POST', `/api/rules/${enc(key)}/proposals/${enc(proposalId)}/reject`, { json: { reason } }).then(data),
  resolveConflict: (key, choice, reason) =>
    request('POST', `/api/rules/${enc(key)}/conflict`, { json: { choice, reason } }).then(data),
};
