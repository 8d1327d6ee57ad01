// 申请详情: one application of the organisation (GET /api/my/applications/{number}): its steps with
// department and date, its returns with reasons and articles, after certification its annual
// reports, assessments, rectification orders and notices of intended decisions, the letters
// (issue 17), and the organisation's open tasks as forms (GET/POST /api/my/tasks/{taskId}).

import { ApiError, NotLoggedIn, currentUser, ensureSession, request } from '/common/session.js';
import { el, fill, formatTime, hide, show, showError } from '/common/dom.js';
import { bindLogin, showApp, showLogin } from '/common/login.js';
import { codeLabel } from '/common/readable.js';
import { day, state } from './cases.js';
import { renderForm } from './form-renderer.js';

const $ = (id) => document.getElementById(id);
const NUMBER = new URLSearchParams(window.location.search).get('number') || '';
const KINDS = {
  supplement: 'supplementApplication',
  report: 'submitAnnualReport',
  rectify: 'rectify',
  statement: 'submitStatement',
};

async function start() {
  try {
    await ensureSession();
    const data = (await request('GET', `/api/my/applications/${encodeURIComponent(NUMBER)}`)).data;
    showApp(await currentUser());
    await render(data);
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      showLogin(null);
    } else {
      showApp(await currentUser().catch(() => null));
      showError($('global-message'), e instanceof Error ? e : new ApiError(0, String(e)));
    }
  } finally {
    hide($('loading'));
  }
}

async function render(c) {
  const a = c.application;
  fill($('case-title'), a.spaceName || '申请详情');
  fill($('case-head'),
    el('dt', {}, '申请编号'), el('dd', { className: 'number' }, a.applicationNumber),
    el('dt', {}, '所在县（区）'), el('dd', {}, a.county || '—'),
    el('dt', {}, '提交时间'), el('dd', {}, formatTime(a.filedAt)),
    el('dt', {}, '状态'), el('dd', { className: `state outcome-${a.outcome || ''}` }, state(a)),
    a.outcomeReason ? [el('dt', {}, '结果说明'), el('dd', { className: 'reason' }, a.outcomeReason)] : null,
    a.certificateNumber ? [el('dt', {}, '证书编号'), el('dd', {}, a.certificateNumber)] : null,
    a.validUntil ? [el('dt', {}, '有效期至'), el('dd', {}, day(a.validUntil))] : null);

  fill($('steps').tBodies[0], c.steps.map((s) => el('tr', {},
    el('td', {}, s.name), el('td', {}, s.department), el('td', { className: 'nowrap' }, formatTime(s.doneAt)))));
  $('no-steps').hidden = c.steps.length > 0;
  $('steps').hidden = c.steps.length === 0;

  const of = (kind) => c.requests.filter((r) => r.kind === kind);
  section('returns', 'return-list', of(KINDS.supplement), (r) => [
    item('退回原因', r.notice.returnReason),
    item('不符合认定条件的事项', r.notice.eligibilityFindingsText),
  ], '补正');
  const certified = a.certificateNumber || c.assessments.length
    || [KINDS.report, KINDS.rectify, KINDS.statement].some((k) => of(k).length);
  $('supervision').hidden = !certified;
  list('reports', of(KINDS.report), (r) => [item('报告年度', r.notice.reportYear)], '提交');
  fill($('assessments'), c.assessments.length
    ? el('table', { className: 'data' },
      el('thead', {}, el('tr', {}, el('th', {}, '报告年度'), el('th', {}, '考核结果'), el('th', {}, '考核时间'))),
      el('tbody', {}, c.assessments.map((x) => el('tr', {},
        el('td', {}, x.reportYear ?? '—'), el('td', {}, codeLabel('assessmentGrade', x.grade) || '—'),
        el('td', {}, formatTime(x.at))))))
    : el('p', { className: 'hint' }, '暂无。'));
  list('rectifications', of(KINDS.rectify), (r) => [
    item('整改原因', r.notice.rectificationReason), item('整改期限', r.notice.rectificationDeadline)], '提交整改报告');
  list('hearings', of(KINDS.statement), (r) => [
    item('拟作出的处理决定', r.notice.proposalDecision), item('依据', r.notice.proposalArticle),
    item('事实与理由', r.notice.proposalFacts), item('告知书', r.notice.noticeText)], '陈述申辩');

  $('no-letters').hidden = c.letters.length > 0;
  fill($('letter-list'), c.letters.map((l) => el('li', {},
    l.href ? el('a', { href: l.href }, l.title) : l.title, `（${formatTime(l.sentAt)}）`)));

  await tasks(a.ownTasks);
}

function section(sectionId, listId, requests, details, answer) {
  $(sectionId).hidden = requests.length === 0;
  list(listId, requests, details, answer);
}

/** Each request: when asked, what the authority said, the due date and whether it was answered. */
function list(id, requests, details, answer) {
  fill($(id), requests.length ? requests.map((r) => el('div', { className: 'request', dataset: { kind: r.kind } },
    el('dl', {}, item('通知时间', formatTime(r.askedAt)), details(r),
      item('期限', r.due ? formatTime(r.due) : null),
      item('办理情况', r.open ? `待${answer}` : r.answeredAt ? `已${answer}（${formatTime(r.answeredAt)}）` : '未办理（已结束）'))))
    : el('p', { className: 'hint' }, '暂无。'));
}

function item(label, value) {
  return value === undefined || value === null || value === '' ? null
    : [el('dt', {}, label), el('dd', { className: 'pre' }, String(value))];
}

/** The organisation's open tasks, each as its form with a place for its materials. */
async function tasks(own) {
  $('todo').hidden = own.length === 0;
  const cards = [];
  for (const t of own) {
    const task = (await request('GET', `/api/my/tasks/${encodeURIComponent(t.taskId)}`)).data;
    cards.push(taskCard(task));
  }
  fill($('tasks'), cards);
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target) {
    target.scrollIntoView();
  }
}

function taskCard(task) {
  const form = renderForm(task.form, task.values);
  const message = el('div', { className: 'message error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', className: 'primary' }, '提交');
  // Materials (another module, static/portal/materials.js) mount their upload widget here.
  const materials = el('div', { className: 'materials-mount', dataset: {
    taskId: task.taskId, kind: task.kind, applicationNumber: NUMBER } });
  const node = el('form', { className: 'task-form', id: `task-${task.taskId}`, dataset: { kind: task.kind },
    novalidate: true },
  el('h3', {}, task.name, task.due ? el('span', { className: 'due' }, `（期限：${formatTime(task.due)}）`) : null),
  form.node, materials, message, el('div', { className: 'button-row' }, submit));
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    hide(message);
    form.showErrors([]);
    try {
      await request('POST', `/api/my/tasks/${encodeURIComponent(task.taskId)}`, { json: form.values() });
      fill($('global-message'), el('div', { className: 'message ok' }, `“${task.name}”已提交。`));
      show($('global-message'));
      await start();
    } catch (e) {
      const rest = e && e.errors ? form.showErrors(e.errors) : [];
      showError(message, e instanceof ApiError ? new ApiError(e.status, e.message, rest) : new ApiError(0, String(e)));
      submit.disabled = false;
    }
  });
  return node;
}

bindLogin(start, () => {});
start();
