// 县域众创空间 (Art. 6): the certified spaces of the bureau's area (GET /api/county/spaces), each
// space's file (GET /api/county/spaces/{number}: steps, annual reports, assessments,
// rectifications, sanctions; materials through GET /api/materials?caseNumber=) and its service
// record, where the bureau of the area records an entry (POST .../services) with attachments
// uploaded first as drafts (POST /api/materials, step serviceRecord). The city bureau reads every area.

import { request } from '/common/session.js';
import { el, fill, formatTime, hide, show } from '/common/dom.js';
import { handleError, mountPage } from '/common/page.js';
import { clearFieldErrors, showFormError } from '/common/fields.js';
import { DICTIONARY, amountOf, beijingDay, codeLabel, day } from '/common/readable.js';
import { asError } from '/common/errors.js';

const $ = (id) => document.getElementById(id);
const SPACES = '/api/county/spaces';
const ANNUAL_REPORT = 'submitAnnualReport';
const RECTIFY = 'rectify';
const FIGURES = [
  ['trainingSessions', '培训辅导次数'], ['trainees', '培训人数'], ['eventsHeld', '创业活动次数'],
  ['residentMakers', '入驻创客数'], ['residentTeams', '入驻团队数'], ['graduatedTeams', '毕业团队数'],
  ['financingAmount', '融资金额'], ['reportSummary', '年度工作报告'], ['rectificationReport', '整改报告'],
];
const NOTICES = [['reportYear', '报告年度'], ['rectificationReason', '整改原因'], ['rectificationDeadline', '整改期限']];

let page = 1;
let total = 0;
let pageSize = 20;
let current = null;
let attachments = [];

const query = () => {
  const params = new URLSearchParams();
  for (const name of ['q', 'status']) {
    const value = $('search-form').elements[name].value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  if (page > 1) {
    params.set('page', String(page));
  }
  return params.toString();
};

const load = async () => (await request('GET', `${SPACES}${query() ? `?${query()}` : ''}`)).data;

function renderList(answer) {
  ({ total, pageSize } = answer);
  fill($('space-count'), `共 ${total} 个众创空间`);
  fill($('space-list').tBodies[0], answer.spaces.length ? answer.spaces.map((s) => el('tr', { dataset: { number: s.certificateNumber } },
    el('td', {}, el('a', { href: `#${encodeURIComponent(s.certificateNumber)}`, className: 'space-link' }, s.certificateNumber)),
    el('td', {}, s.spaceName), el('td', {}, s.operatorName), el('td', {}, s.countyName),
    el('td', { className: 'nowrap' }, day(s.certifiedOn)), el('td', { className: 'nowrap' }, day(s.validUntil)),
    el('td', {}, s.statusLabel)))
    : el('tr', {}, el('td', { colSpan: 7 }, '没有符合条件的众创空间。')));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  fill($('page-number'), `第 ${page} / ${pages} 页`);
  $('page-previous').disabled = page <= 1;
  $('page-next').disabled = page >= pages;
}

async function search(event) {
  if (event) {
    event.preventDefault();
    page = 1;
  }
  clearFieldErrors($('search-form'));
  hide($('search-error'));
  try {
    renderList(await load());
  } catch (e) {
    showFormError($('search-form'), $('search-error'), asError(e));
  }
}

// ------------------------------------------------------------------ a space's file

function table(headers, rows, empty) {
  return rows.length ? el('table', { className: 'data' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))))
    : el('p', { className: 'hint' }, empty);
}

function values(map, names) {
  return names.filter(([name]) => map && map[name] !== undefined && map[name] !== null)
    .map(([name, label]) => `${label}：${amountOf(name, map[name]) ?? day(map[name])}`).join('；'); // 2027年3月1日, 1,000,000 元
}

async function materials(numbers) {
  const files = [];
  for (const number of numbers) {
    files.push(...(await request('GET', `/api/materials?caseNumber=${encodeURIComponent(number)}`)).data);
  }
  return table(['材料', '版本', '文件', '提交时间'], files.map((f) => [f.materialName, `第${f.version}版`,
    el('a', { href: f.downloadUrl, className: 'material-download', dataset: { userText: '' } }, f.fileName), formatTime(f.submittedAt)]),
  '没有已提交的材料。');
}

function renderServices(file) {
  const byId = Object.fromEntries(file.services.map((s) => [s.entryId, s]));
  fill($('space-services'), table(['服务日期', '服务类型', '服务内容', '附件', '记录人', '记录时间', '说明'],
    file.services.map((s) => [day(s.servedOn), s.kindLabel,
      el('span', { className: s.correctedByEntryId ? 'corrected' : '' }, s.description),
      s.attachments.length ? el('ul', { className: 'attachments' }, s.attachments.map((id, i) => el('li', {},
        el('a', { href: `/api/materials/${encodeURIComponent(id)}`, className: 'service-attachment' }, `附件${i + 1}`))))
        : '—',
      s.recordedBy, formatTime(s.recordedAt),
      s.correctedByEntryId ? '已更正' : s.correctsEntryId && byId[s.correctsEntryId]
        ? `更正${day(byId[s.correctsEntryId].servedOn)}的记录` : '']),
    '尚无服务记录。'));
  fill($('service-corrects'), el('option', { value: '' }, '不是更正'),
    file.services.filter((s) => !s.correctedByEntryId).map((s) => el('option', { value: s.entryId },
      `${day(s.servedOn)} ${s.kindLabel}：${s.description.slice(0, 30)}`)));
}

async function openSpace(number) {
  try {
    const file = (await request('GET', `${SPACES}/${encodeURIComponent(number)}`)).data;
    current = file;
    const c = file.certificate;
    const app = file.application;
    hide($('list-card'));
    show($('space-card'));
    fill($('space-title'), c.spaceName);
    const fact = (term, value) => el('div', {}, el('dt', {}, term), el('dd', {}, value || '—'));
    fill($('space-facts'), fact('证书编号', c.certificateNumber), fact('运营机构', c.operatorName),
      fact('统一社会信用代码', c.creditCode), fact('所在县（区）', c.countyName), fact('认定日期', day(c.certifiedOn)),
      fact('有效期至', day(c.validUntil)), fact('证书状态', c.statusLabel), fact('申请编号', c.applicationNumber),
      c.statusNote ? fact('状态说明', c.statusNote) : null);
    const requests = app ? app.requests : [];
    fill($('space-steps'), app ? table(['步骤', '办理部门', '办结时间'],
      app.steps.map((s) => [s.name, s.department, formatTime(s.doneAt)]), '尚无办结的步骤。')
      : el('p', { className: 'hint' }, '该证书在本系统中没有认定申请记录。'));
    fill($('space-reports'), table(['报告年度', '要求时间', '提交时间', '报告内容'],
      requests.filter((r) => r.kind === ANNUAL_REPORT).map((r) => [r.notice?.reportYear ? `${r.notice.reportYear}年` : '—',
        formatTime(r.askedAt), r.answeredAt ? formatTime(r.answeredAt) : '未提交', values(r.answer, FIGURES) || '—']),
      '尚无年度工作报告。'));
    fill($('space-assessments'), table(['报告年度', '考核等级', '考核日期'],
      file.grades.map((g) => [`${g.reportYear}年`, codeLabel('assessmentGrade', g.grade), day(g.assessedOn)]),
      '尚无年度考核结果。'));
    fill($('space-rectifications'), table(['事项', '要求', '提出时间', '完成时间', '结果'],
      [...requests.filter((r) => r.kind === RECTIFY).map((r) => [r.name, values(r.notice, NOTICES) || '—',
        formatTime(r.askedAt), r.answeredAt ? formatTime(r.answeredAt) : '未完成', values(r.answer, FIGURES) || '—']),
      ...file.sanctions.map((s) => [s.kindLabel, s.reason || '—', day(s.decidedOn), '—', s.note || '决定已作出'])],
      '没有整改要求或处理决定。'));
    fill($('space-materials'), await materials([c.applicationNumber, c.certificateNumber]));
    renderServices(file);
    $('service-form').hidden = !file.mayRecord;
    resetForm();
    $('space-title').focus();
  } catch (e) {
    handleError(e);
  }
}

// ------------------------------------------------------------------ recording a service

function resetForm() {
  const form = $('service-form');
  form.reset();
  form.elements.servedOn.value = beijingDay(); // most services are recorded on the day they are given
  clearFieldErrors(form);
  hide($('service-error'));
  attachments = [];
  fill($('service-attachments'));
}

async function uploadAttachment() {
  const input = $('service-file');
  const form = $('service-form');
  clearFieldErrors(form);
  hide($('service-error'));
  if (!input.files.length) {
    return;
  }
  const body = new FormData();
  body.append('file', input.files[0]);
  body.append('step', 'serviceRecord');
  body.append('materialCode', 'SERVICE_RECORD');
  body.append('caseNumber', current.certificate.certificateNumber);
  try {
    const file = (await request('POST', '/api/materials', { form: body })).data;
    attachments.push(file);
    $('service-attachments').append(el('li', { dataset: { file: file.fileId } }, file.fileName,
      ' ', el('button', { type: 'button', className: 'small', onclick: (event) => {
        attachments = attachments.filter((a) => a.fileId !== file.fileId);
        event.target.closest('li').remove();
      } }, `移除${file.fileName}`)));
    input.value = '';
  } catch (e) {
    showFormError(form, $('service-error'), asError(e));
  }
}

async function record(event) {
  event.preventDefault();
  const form = event.target;
  clearFieldErrors(form);
  hide($('service-error'));
  const entry = {
    servedOn: form.elements.servedOn.value,
    kind: form.elements.kind.value,
    description: form.elements.description.value,
    attachments: attachments.map((a) => a.fileId),
  };
  if (form.elements.corrects.value) {
    entry.corrects = form.elements.corrects.value;
  }
  $('service-submit').disabled = true;
  try {
    const number = current.certificate.certificateNumber;
    await request('POST', `${SPACES}/${encodeURIComponent(number)}/services`, { json: entry });
    await openSpace(number);
    fill($('global-message'), el('div', { className: 'message ok' }, '服务记录已保存。'));
    show($('global-message'));
    $('services-title').scrollIntoView();
  } catch (e) {
    showFormError(form, $('service-error'), asError(e));
  } finally {
    $('service-submit').disabled = false;
  }
}

// ------------------------------------------------------------------ the page

/** The city bureau reads every area: its heading and hint say so (GET /api/county/access). */
async function sayWhoseSpaces() {
  try {
    if ((await request('GET', '/api/county/access')).data.readsEveryArea) {
      fill($('list-title'), '全市已认定的众创空间');
      fill($('scope'), '第六条：市科技局查看全市各县（区）和经济开发区已认定众创空间的申请、证书、年度报告、考核和整改情况（只读）；服务台账由所在县（区）科技局记录。');
    }
  } catch (e) {
    handleError(e);
  }
}

function route() {
  const number = decodeURIComponent(window.location.hash.slice(1));
  hide($('global-message'));
  if (number) {
    openSpace(number);
  } else {
    hide($('space-card'));
    show($('list-card'));
  }
}

function bind() {
  fill($('service-kind'), el('option', { value: '' }, '请选择'),
    Object.entries(DICTIONARY.serviceKind || {}).map(([code, label]) => el('option', { value: code }, label)));
  $('search-form').addEventListener('submit', search);
  $('page-previous').addEventListener('click', () => { page -= 1; search(); });
  $('page-next').addEventListener('click', () => { page += 1; search(); });
  $('back-to-list').addEventListener('click', () => { window.location.hash = ''; });
  $('service-file').addEventListener('change', uploadAttachment);
  $('service-form').addEventListener('submit', record);
  window.addEventListener('hashchange', route);
}

let bound = false;

mountPage({
  section: '县域众创空间',
  login: { hint: '县（区）科技局和经济开发区查看本辖区已认定的众创空间并记录服务台账；市科技局查看全部。' },
  load,
  render: (answer) => {
    if (!bound) {
      bind();
      bound = true;
      sayWhoseSpaces();
    }
    renderList(answer);
    route();
  },
});
