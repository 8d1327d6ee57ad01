// 申请详情: one application of the organisation (GET /api/my/applications/{number}): what it filed
// (申报内容, in the start form's own layout, read-only), its steps with
// department and date, its returns with reasons and articles, after certification its annual
// reports, assessments, rectification orders and notices of intended decisions, the materials
// submitted in each step, every version (GET /api/materials?caseNumber=, for the application and,
// once certified, its certificate), its letters (GET /api/my/applications/{number}/letters), and
// the organisation's open tasks as forms
// (GET/POST /api/my/tasks/{taskId}), each with the upload of its materials (materials.js).

import { request } from '/common/session.js';
import { checksum, el, fill, focusOn, formatTime, hide, show } from '/common/dom.js';
import { ApiError, NotLoggedIn, asError } from '/common/errors.js';
import { clearFieldErrors, showFormError } from '/common/fields.js';
import { handleError, mountPage } from '/common/page.js';
import { codeLabel } from '/common/readable.js';
import {
  applicantLogin, day, letterList, lettersOf, notAnOrganisation, notApplicantNotice, portalUserName, state,
} from './cases.js';
import { applicationForm, renderForm } from './form-renderer.js';
import { mountMaterials, size, versionLabel } from './materials.js';

const $ = (id) => document.getElementById(id);
const NUMBER = new URLSearchParams(window.location.search).get('number') || '';
const KINDS = {
  supplement: 'supplementApplication',
  report: 'submitAnnualReport',
  rectify: 'rectify',
  statement: 'submitStatement',
};
/** The materials step (materials/MaterialStep) whose uploads each task submits. */
const MATERIAL_STEPS = {
  [KINDS.supplement]: 'supplement',
  [KINDS.report]: 'annualReport',
  [KINDS.rectify]: 'rectification',
  [KINDS.statement]: 'statement',
};

let notApplicant = false;

async function load() {
  notApplicant = false;
  try {
    return await loadCase();
  } catch (e) {
    // a case this page cannot show: the message alone, without the empty sections of a case
    $('app').classList.add('no-case');
    if (notAnOrganisation(e)) {
      notApplicant = true; // staff: the portal's notice and the way to Tasklist, no refusal
      return { notApplicant };
    }
    throw e;
  }
}

async function loadCase() {
  if (!NUMBER) {
    throw new ApiError(404, '未指定申请编号，请从“我的申请”选择一件申请。');
  }
  // the case's own answer speaks first: "本单位没有编号为…的申请" for a number of another organisation too
  const [answer, letterAnswer] = await Promise.allSettled([
    request('GET', `/api/my/applications/${encodeURIComponent(NUMBER)}`), lettersOf(NUMBER)]);
  const [found, letters] = [answer, letterAnswer].map((settled) => {
    if (settled.status === 'rejected') {
      throw settled.reason;
    }
    return settled.value;
  });
  $('app').classList.remove('no-case');
  // the supervision's steps (annual reports, rectification, statements) file under the certificate
  const cases = [NUMBER, found.data.application.certificateNumber].filter(Boolean);
  const materials = (await Promise.all(cases.map((n) => request('GET', `/api/materials?caseNumber=${encodeURIComponent(n)}`))))
    .flatMap((answer) => answer.data).filter((f) => f.submitted); // drafts are shown at their task
  return { ...found.data, letters, materials };
}

/** Every submitted file, in the checklist's order, an item's versions as submitted, each with its hash and a download. */
function submittedMaterials(files) {
  $('no-materials').hidden = files.length > 0;
  fill($('material-list'), files.length ? el('table', { className: 'data', id: 'submitted-materials' },
    el('thead', {}, el('tr', {}, ['材料', '版本', '文件', '大小', '提交时间', '校验码']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, files.map((f) => el('tr', { className: 'submitted-material', dataset: { code: f.materialCode } },
      el('td', {}, f.materialName), el('td', {}, versionLabel(f, files)),
      el('td', {}, el('a', { href: f.downloadUrl, download: f.fileName, dataset: { userText: '' } }, f.fileName)),
      el('td', { className: 'nowrap' }, size(f.size)), el('td', { className: 'nowrap' }, formatTime(f.submittedAt)),
      el('td', {}, checksum(f.sha256))))))
    : null);
}

async function render(c) {
  if (c.notApplicant) {
    if (!$('not-applicant')) {
      $('app').prepend(el('div', {}, notApplicantNotice())); // in a div: .no-case hides the case's sections
    }
    return;
  }
  $('not-applicant')?.parentNode.remove(); // an organisation signed in after staff
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
    item('整改原因', r.notice.rectificationReason), item('整改期限', day(r.notice.rectificationDeadline))], '提交整改报告');
  list('hearings', of(KINDS.statement), (r) => [
    item('拟作出的处理决定', r.notice.proposalDecision), item('依据', r.notice.proposalArticle),
    item('事实与理由', r.notice.proposalFacts), item('告知书', r.notice.noticeText),
    item('审定结果', codeLabel('leaderDecision', r.notice.leaderDecision))], '陈述申辩');

  await showFiled(c.filed);
  submittedMaterials(c.materials);
  $('no-letters').hidden = c.letters.length > 0;
  fill($('letter-list'), c.letters.length ? letterList(c.letters) : null);

  await tasks(a);
}

/** 申报内容: the application in the form the applicant filled, read-only. */
async function showFiled(values) {
  $('filed').hidden = !values || Object.keys(values).length === 0;
  if (!$('filed').hidden) {
    try {
      fill($('filed-form'), renderForm(await applicationForm(), values, null, { filed: true }).node);
    } catch (e) {
      fill($('filed-form'), el('p', { className: 'message error', role: 'alert' }, asError(e).message));
    }
  }
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

/** The organisation's open tasks, each as its form with the upload of its materials. */
async function tasks(application) {
  const own = application.ownTasks;
  $('todo').hidden = own.length === 0;
  const cards = [];
  for (const t of own) {
    const task = (await request('GET', `/api/my/tasks/${encodeURIComponent(t.taskId)}`)).data;
    cards.push(await taskCard(task, application));
  }
  fill($('tasks'), cards);
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target) {
    target.scrollIntoView();
  }
}

/**
 * The materials of a task: the supplement takes new versions of the application's checklist items
 * (case: the application); the steps after certification have one item of their own (case: the
 * certificate, the supervision's number).
 */
function mountTaskMaterials(container, task, application) {
  const step = MATERIAL_STEPS[task.kind];
  if (!step) {
    return null;
  }
  const supplement = step === MATERIAL_STEPS[KINDS.supplement];
  return mountMaterials(container, {
    caseNumber: supplement ? application.applicationNumber : application.certificateNumber,
    step,
    items: supplement ? application.materials : null,
  });
}

async function taskCard(task, application) {
  const form = renderForm(task.form, task.values, task.previous);
  const message = el('div', { className: 'message error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', className: 'primary' }, '提交');
  const materials = el('div', { className: 'materials-mount' });
  const node = el('form', { className: 'task-form', id: `task-${task.taskId}`, dataset: { kind: task.kind },
    novalidate: true },
  el('h3', {}, task.name, task.due ? el('span', { className: 'due' }, `（期限：${formatTime(task.due)}）`) : null),
  form.node, materials, message, el('div', { className: 'button-row' }, submit));
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    hide(message);
    clearFieldErrors(node);
    try {
      await request('POST', `/api/my/tasks/${encodeURIComponent(task.taskId)}`, { json: form.values() });
    } catch (e) {
      submit.disabled = false;
      if (e instanceof NotLoggedIn) {
        handleError(e);
      } else {
        showFormError(node, message, asError(e)); // the field errors at their fields
      }
      return;
    }
    try {
      await render(await load());
      fill($('global-message'), el('div', { className: 'message ok' }, `“${task.name}”已提交。`));
      show($('global-message'));
      focusOn($('global-message'));
    } catch (e) {
      handleError(e);
    }
  });
  await mountTaskMaterials(materials, task, application);
  return node;
}

mountPage({
  section: '申报单位',
  login: applicantLogin(),
  userName: portalUserName(() => notApplicant),
  load,
  render,
});
