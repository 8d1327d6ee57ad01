// 我的申请: the organisation account's applications, where each stands, what the organisation must
// do and the outcome with its reasons (GET /api/my/applications); and its 站内消息 (common/inbox.js).

import { request } from '/common/session.js';
import { asError } from '/common/errors.js';
import { el, fill, formatTime, hide, show, whileBusy } from '/common/dom.js';
import { clearFieldErrors, showFormError } from '/common/fields.js';
import { DICTIONARY } from '/common/readable.js';
import { inboxTitle, loadInbox, renderInbox } from '/common/inbox.js';
import { mountPage, showLogin } from '/common/page.js';
import { bindApply } from './apply.js';
import {
  applicantLogin, caseLink, day, letterList, lettersOf, notAnOrganisation, notApplicantNotice, portalUserName, state,
} from './cases.js';

const $ = (id) => document.getElementById(id);

let page = 1;

// One page of the organisation's applications (20 a page, newest first) and the pager under it.
async function loadPage() {
  return (await request('GET', page > 1 ? `/api/my/applications?page=${page}` : '/api/my/applications')).data;
}

/** Whether the signed-in account is bound to no organisation (staff). */
let notApplicant = false;

/** The page's data, or {notApplicant} for an account bound to no organisation (staff): no half page for it. */
async function loadFirst() {
  notApplicant = false;
  try {
    return await loadPage();
  } catch (e) {
    if (notAnOrganisation(e)) {
      notApplicant = true;
      return { notApplicant };
    }
    throw e;
  }
}

function renderPage(data) {
  fill($('not-applicant-mount'), data.notApplicant ? notApplicantNotice() : null);
  $('applicant-view').hidden = Boolean(data.notApplicant);
  if (!data.notApplicant) {
    render(data);
  }
}

async function turnPage(step) {
  page += step;
  try {
    render(await loadPage());
    $('my-title').focus();
  } catch (e) {
    fill($('pager-status'), asError(e).message);
  }
}

function render({ applications: list, total, pageSize, applicationDefaults }) {
  bindApply(applicationDefaults, () => loadPage().then(render).catch((e) => fill($('pager-status'), asError(e).message)));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  fill($('pager-status'), `共 ${total} 件，第 ${page} / ${pages} 页`);
  $('pager').hidden = pages <= 1;
  $('page-previous').disabled = page <= 1;
  $('page-next').disabled = page >= pages;
  if (!list.length) {
    show($('empty'));
  } else {
    hide($('empty'));
  }
  fill($('applications'), list.map((a) => el('article', {
    className: 'application', dataset: { number: a.applicationNumber || '' },
  },
  el('h3', {}, el('a', { href: caseLink(a.applicationNumber) }, a.spaceName || '（未填写名称）')),
  el('dl', {},
    el('dt', {}, '申请编号'), el('dd', { className: 'number' }, a.applicationNumber || '—'),
    el('dt', {}, '所在县（区）'), el('dd', {}, a.county || '—'),
    el('dt', {}, '提交时间'), el('dd', {}, formatTime(a.filedAt)),
    el('dt', {}, '状态'), el('dd', { className: `state outcome-${a.outcome || ''}` }, state(a)),
    a.outcomeReason ? [el('dt', {}, '结果说明'), el('dd', { className: 'reason' }, a.outcomeReason)] : null,
    a.certificateNumber ? [el('dt', {}, '证书编号'), el('dd', {}, a.certificateNumber)] : null,
    a.validUntil ? [el('dt', {}, '有效期至'), el('dd', {}, day(a.validUntil))] : null),
  a.ownTasks.length ? el('div', { className: 'own-tasks', role: 'note' },
    el('strong', {}, '需要本单位办理：'),
    el('ul', {}, a.ownTasks.map((t) => el('li', {}, t.name, t.due ? `（期限：${formatTime(t.due)}）` : '',
      ' ', el('a', { className: 'do-task', href: caseLink(a.applicationNumber, t.taskId) }, '去办理')))),
    a.returnReason ? el('p', { className: 'return-reason' }, `退回原因：${a.returnReason}`) : null) : null,
  el('p', {}, el('a', { className: 'case-link', href: caseLink(a.applicationNumber) }, '查看办理详情')),
  a.materials.length ? el('details', { className: 'materials' },
    el('summary', {}, `申报材料清单（${a.materials.length} 项）`),
    el('table', { className: 'data' },
      el('thead', {}, el('tr', {}, el('th', {}, '材料'), el('th', {}, '证明的条款'), el('th', {}, '是否必需'))),
      el('tbody', {}, a.materials.map((m) => el('tr', { dataset: { code: m.code } },
        el('td', {}, m.name), el('td', {}, m.article), el('td', {}, m.required ? '必需' : '鼓励提供')))))) : null)));
  for (const article of $('applications').querySelectorAll('article.application')) {
    showLetters(article, article.dataset.number);
  }
  showInbox();
}

// 站内消息: the heading counts the unread messages; opening one marks it read.
async function showInbox() {
  try {
    const items = await loadInbox();
    fill($('inbox-title'), inboxTitle(items));
    renderInbox($('inbox'), items, (all) => fill($('inbox-title'), inboxTitle(all)));
  } catch (e) {
    fill($('inbox'), el('p', { className: 'hint' }, '站内消息暂时无法读取，请稍后刷新页面。'));
  }
}

// 文书: the letters each step issued (GET /api/my/applications/{number}/letters), one download link each.
async function showLetters(article, number) {
  if (!number) {
    return;
  }
  let letters;
  try {
    letters = await lettersOf(number);
  } catch (e) {
    article.append(el('p', { className: 'letters-error' }, '文书列表暂时无法读取，请稍后刷新页面。'));
    return;
  }
  if (!letters.length) {
    return;
  }
  article.append(el('section', { className: 'letters' },
    el('h4', {}, `文书（${letters.length} 份）`), letterList(letters)));
}

// ---------------------------------------------------------------- registration and password reset
// (public doors: POST /api/registrations[/confirm], /api/password-resets[/confirm])

const pending = { registrationId: null, resetUser: null };
/** The registration waiting for its code, kept for this tab: a reload does not lose it (the code stays valid). */
const PENDING_REGISTRATION = 'ms-portal-registration';

/** 填写验证码: the second step of a registration whose code was sent (`sent`: where, until when). */
function confirmStep(registrationId, sent) {
  pending.registrationId = registrationId;
  sessionStorage.setItem(PENDING_REGISTRATION, JSON.stringify({ registrationId, sent }));
  panel('register-panel');
  fill($('confirm-sent'), sent);
  hide($('register-form'));
  show($('confirm-form'));
  $('confirm-code').focus();
}

/** A credit code is written in capitals: what is typed in lower case is shown, and sent, in capitals. */
$('reg-creditCode').addEventListener('input', (event) => {
  const input = event.target;
  const [start, end] = [input.selectionStart, input.selectionEnd];
  input.value = input.value.toUpperCase();
  input.setSelectionRange(start, end);
});

$('reg-county').append(...Object.entries(DICTIONARY.county || {})
  .map(([code, label]) => el('option', { value: code }, label)));

function panel(id) {
  for (const other of ['login-panel', 'register-panel', 'reset-panel']) {
    if (other === id) {
      show($(other));
    } else {
      hide($(other));
    }
  }
}

function formValues(form, names) {
  return Object.fromEntries(names.map((name) => [name, form.elements[name].value.trim()]));
}

/**
 * Runs a form's action, once per press (a double click on 获取验证码 sends one code); a refusal is
 * shown at the form's fields and in its message box.
 */
function submit(event, errorBox, action) {
  event.preventDefault();
  const form = event.target;
  return whileBusy(form.querySelector('button[type=submit]'), async () => {
    hide(errorBox);
    clearFieldErrors(form);
    try {
      await action();
    } catch (e) {
      showFormError(form, errorBox, asError(e));
    }
  });
}

/** Back to the login form with a message of success and the user's name filled in. */
function backToLogin(userId, text) {
  showLogin(null);
  $('login-username').value = userId;
  fill($('login-error'), text);
  $('login-error').className = 'message ok';
  show($('login-error'));
  $('login-password').focus();
}

function showRegister() {
  sessionStorage.removeItem(PENDING_REGISTRATION);
  panel('register-panel');
  show($('register-form'));
  hide($('confirm-form'));
  $('reg-userId').focus();
}

function showReset() {
  panel('reset-panel');
  show($('reset-form'));
  hide($('reset-confirm-form'));
  $('reset-userId').focus();
}

$('page-previous').addEventListener('click', () => turnPage(-1));
$('page-next').addEventListener('click', () => turnPage(1));
$('register-back').addEventListener('click', () => {
  sessionStorage.removeItem(PENDING_REGISTRATION);
  showLogin(null);
});
$('reset-back').addEventListener('click', () => showLogin(null));

$('register-form').addEventListener('submit', (event) => submit(event, $('register-error'), async () => {
  const body = formValues($('register-form'),
    ['userId', 'creditCode', 'organisationName', 'contactName', 'phone', 'email', 'county']);
  const answer = (await request('POST', '/api/registrations', { json: body })).data;
  confirmStep(answer.registrationId, `验证码已发送到 ${answer.email}，有效期至 ${formatTime(answer.expiresAt)}。`);
}));

$('confirm-form').addEventListener('submit', (event) => submit(event, $('confirm-error'), async () => {
  const answer = (await request('POST', '/api/registrations/confirm', { json: {
    registrationId: pending.registrationId, code: $('confirm-code').value.trim(), password: $('confirm-password').value,
  } })).data;
  sessionStorage.removeItem(PENDING_REGISTRATION);
  backToLogin(answer.userId, answer.message);
}));

$('reset-form').addEventListener('submit', (event) => submit(event, $('reset-error'), async () => {
  pending.resetUser = $('reset-userId').value.trim();
  const answer = (await request('POST', '/api/password-resets', { json: { userId: pending.resetUser } })).data;
  fill($('reset-sent'), answer.message);
  hide($('reset-form'));
  show($('reset-confirm-form'));
  $('reset-code').focus();
}));

// 修改密码 (POST /api/my/password): opened by its button, closed again after success or 取消
function closePasswordForm() {
  $('password-form').reset();
  clearFieldErrors($('password-form'));
  hide($('password-form'), $('password-error'));
  show($('password-open'));
}
$('password-open').addEventListener('click', () => {
  hide($('password-open'), $('password-done'));
  show($('password-form'));
  $('password-current').focus();
});
$('password-cancel').addEventListener('click', closePasswordForm);
$('password-form').addEventListener('submit', (event) => submit(event, $('password-error'), async () => {
  const answer = (await request('POST', '/api/my/password', { json: {
    currentPassword: $('password-current').value, newPassword: $('password-new').value,
    newPasswordAgain: $('password-again').value,
  } })).data;
  closePasswordForm();
  fill($('password-done'), answer.message);
  show($('password-done'));
  $('password-open').focus();
}));

$('reset-confirm-form').addEventListener('submit', (event) => submit(event, $('reset-confirm-error'), async () => {
  const answer = (await request('POST', '/api/password-resets/confirm', { json: {
    userId: pending.resetUser, code: $('reset-code').value.trim(), password: $('reset-password').value,
  } })).data;
  backToLogin(pending.resetUser, answer.message);
}));

const opened = mountPage({
  section: '申报单位',
  login: applicantLogin(),
  userName: portalUserName(() => notApplicant),
  load: loadFirst,
  render: renderPage,
  onLeave: () => {
    hide($('register-panel'), $('reset-panel'), $('password-done'));
    closePasswordForm();
  },
});
// the login panel's links open their panel here; followed from the case page, their #register or #reset does
$('show-register').addEventListener('click', (event) => {
  event.preventDefault();
  showRegister();
});
$('show-reset').addEventListener('click', (event) => {
  event.preventDefault();
  showReset();
});
opened.then(() => {
  if ($('login-panel').hidden) {
    return;
  }
  // reloaded while a code was on its way: back at 填写验证码, not at the login
  const saved = JSON.parse(sessionStorage.getItem(PENDING_REGISTRATION) || 'null');
  if (saved) {
    confirmStep(saved.registrationId, saved.sent);
  } else if (window.location.hash === '#register') {
    showRegister();
  } else if (window.location.hash === '#reset') {
    showReset();
  }
});
