// What the portal's pages share about an application: its state in words, the case page's address
// and its letters.

import { request } from '/common/session.js';
import { el } from '/common/dom.js';
import { codeLabel } from '/common/readable.js';

/**
 * The login panel of every portal page: one heading, one hint and the links to 注册机构账号 and 忘记密码,
 * whose panels live on /portal/ (#register, #reset open them there).
 */
export function applicantLogin() {
  return {
    heading: '申报单位登录',
    hint: '请使用本单位的机构账号登录（账号与统一社会信用代码绑定）。',
    extras: el('p', { className: 'self-service-links' },
      el('a', { href: '/portal/#register', id: 'show-register' }, '注册机构账号'),
      el('a', { href: '/portal/#reset', id: 'show-reset' }, '忘记密码')),
  };
}

/**
 * An organisation account named as it is named to itself: its organisation (the Camunda user's first name,
 * organisation/OrganisationService), without the contact person kept as the last name.
 */
export function organisationName(profile) {
  return profile.firstName || '';
}

/** 办理中：初审 / 已认定 / 不予认定……, from the open steps or the outcome. */
export function state(a) {
  if (a.inProgress) {
    return a.stages.length ? `办理中：${a.stages.join('、')}` : '办理中';
  }
  return a.outcome ? codeLabel('outcome', a.outcome) : '已终止';
}

/** The case page of an application, at one of its tasks when given. */
export function caseLink(number, taskId) {
  return `/portal/case.html?number=${encodeURIComponent(number || '')}${taskId ? `#task-${taskId}` : ''}`;
}

/** "2029年12月5日" from an ISO date (2029-12-05); the text itself otherwise. */
export function day(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso || '—');
}

/** The letters each step of the case issued: [{id, kind, title, documentNumber, issuedOn, sha256, url}]. */
export async function lettersOf(number) {
  return (await request('GET', `/api/my/applications/${encodeURIComponent(number)}/letters`)).data;
}

/** One download link per letter, with its document number and date of issue. */
export function letterList(letters) {
  return el('ul', { className: 'letter-list' }, letters.map((l) => el('li', { dataset: { kind: l.kind } },
    el('a', { href: l.url, download: '' }, l.title), `（${l.documentNumber}，${day(l.issuedOn)}）`)));
}
