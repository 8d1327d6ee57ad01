// What the portal's pages share about an application: its state in words, the case page's address
// and its letters.

import { ApiError } from '/common/errors.js';
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

/** Whether a refusal says the signed-in account is no organisation's (staff): problem type not-an-organisation. */
export function notAnOrganisation(error) {
  return error instanceof ApiError && error.status === 403 && Boolean(error.body)
    && String(error.body.type || '').endsWith('/not-an-organisation');
}

/** What a portal page shows a staff account instead of itself: whose page it is, and the way to Tasklist. */
export function notApplicantNotice() {
  return el('section', { id: 'not-applicant', className: 'card', 'aria-labelledby': 'not-applicant-title' },
    el('h2', { id: 'not-applicant-title' }, '本页面供申报单位使用'),
    el('p', {}, '“我的申请”是申报单位（众创空间运营机构）提交认定申请、办理补正和年度报告的页面。当前账号不是申报单位的机构账号。'),
    el('p', {}, '工作人员请到任务中心办理任务：', el('a', { id: 'to-tasklist', href: '/camunda/app/tasklist/' }, '进入任务中心')));
}

/**
 * The header's name of the signed-in user (page.js userName): an organisation account as it is named to
 * itself, by its organisation (the Camunda user's first name, organisation/OrganisationService), without
 * the contact person kept as the last name; staff ({@code isStaff()}) as everywhere else.
 */
export function portalUserName(isStaff) {
  return (profile) => (isStaff() ? `${profile.firstName || ''}${profile.lastName || ''}` : profile.firstName || '');
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
