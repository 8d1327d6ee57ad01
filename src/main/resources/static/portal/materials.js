// The upload widget of the applicant's materials (issue 16): one row per item of the checklist,
// each with its files and an upload control. Files are checked by the server (type by content,
// size limits of the policy, PDFs without scripts) and kept as drafts until the step that submits
// them: the filing (POST /api/my/applications) or the completion of the applicant's task
// (补正申请材料, 年度报告, 整改, 陈述申辩), which binds them to the case as a new version.
//
// Usage (e.g. on the supplement task page):
//
//   import { mountMaterials } from '/portal/materials.js';
//   const widget = await mountMaterials(container, { caseNumber: 'SQ-2026-0007', step: 'supplement', items });
//   widget.missingRequired();   // the required items without a file yet: [{code, name, ...}]
//   widget.refresh();           // reloads the files
//
// caseNumber: null for a filing (the account's own drafts), else the case's number (application
//   number; certificate number in the supervision).
// step: 'application', 'supplement', 'annualReport', 'rectification' or 'statement'.
// items: the checklist items [{code, name, article, required}] (GET /api/materials/checklist);
//   for the steps after certification leave it out: the step has one item of its own.

import { request } from '/common/session.js';
import { asError } from '/common/errors.js';
import { el, fill, showError } from '/common/dom.js';
import { plainMessage } from '/common/fields.js';

const STEP_ITEMS = {
  annualReport: { code: 'ANNUAL_REPORT', name: '年度工作报告附件', required: false },
  rectification: { code: 'RECTIFICATION', name: '整改报告附件', required: false },
  statement: { code: 'STATEMENT', name: '陈述申辩附件', required: false },
};
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** A file's size as people read it. */
/** The step whose submission made a version, as the label says it (materials/MaterialStep). */
const SUBMITTED_WITH = {
  application: '申报时提交', supplement: '补正时提交', annualReport: '随年度报告提交', rectification: '随整改报告提交',
  statement: '随陈述申辩提交',
};

/**
 * A version is what one step submitted for one item (the filing, each supplement): its files share
 * it. The label says so, 第1版（申报时提交，本版共2个文件）, so that two files of one version are not
 * read as two versions of one file. {@code files}: the item's other files, to count the version's.
 */
export function versionLabel(f, files) {
  const [version, ...how] = versionWords(f, files);
  return `${version}（${how.join('，')}）`;
}

function versionWords(f, files) {
  const count = files.filter((o) => o.submitted && o.caseNumber === f.caseNumber && o.materialCode === f.materialCode
    && o.version === f.version).length;
  return [`第${f.version}版`, SUBMITTED_WITH[f.step] || '已提交', count > 1 ? `本版共${count}个文件` : null]
    .filter(Boolean);
}

export function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function mountMaterials(container, { caseNumber = null, step = 'application', items = null } = {}) {
  const list = items || [STEP_ITEMS[step]];
  let files = [];
  /** The items whose upload is under way: their control stays off while the table is drawn anew. */
  const uploading = new Set();
  /** The refusal of each item's last upload, said at its row until the item is uploaded again. */
  const refusals = new Map();
  /** Counts the loads: an older load that answers after a newer one is dropped, not drawn over it. */
  let loads = 0;

  async function load() {
    const path = caseNumber ? `/api/materials?caseNumber=${encodeURIComponent(caseNumber)}` : '/api/materials';
    const mine = ++loads;
    const answer = (await request('GET', path)).data;
    if (mine !== loads) {
      return false;
    }
    files = answer;
    return true;
  }

  function fileRow(f) {
    return el('li', { className: 'material-file', dataset: { fileId: f.fileId } },
      el('a', { href: f.downloadUrl, rel: 'noopener', dataset: { userText: '' } }, f.fileName),
      ` ${size(f.size)}`, f.submitted ? `（${versionWords(f, files).join('，')}）` : '（待提交）',
      f.submitted ? null : el('button', { type: 'button', className: 'link material-remove', onClick: async () => {
        await request('DELETE', f.downloadUrl);
        await refresh();
      } }, '删除'));
  }

  function itemRow(item) {
    const own = files.filter((f) => f.materialCode === item.code && (f.step === step || f.submitted));
    const error = el('div', { className: 'message error', role: 'alert', hidden: true });
    if (refusals.has(item.code)) {
      showError(error, { message: refusals.get(item.code) });
    }
    const input = el('input', { type: 'file', accept: ACCEPT, className: 'material-input',
      'aria-label': `上传：${item.name}`, dataset: { code: item.code }, disabled: uploading.has(item.code) });
    input.addEventListener('change', async () => {
      if (!input.files.length) {
        return;
      }
      const form = new FormData();
      form.append('step', step);
      form.append('materialCode', item.code);
      if (caseNumber) {
        form.append('caseNumber', caseNumber);
      }
      form.append('file', input.files[0]);
      input.disabled = true;
      uploading.add(item.code);
      refusals.delete(item.code);
      try {
        await request('POST', '/api/materials', { form });
        uploading.delete(item.code);
        await refresh();
      } catch (e) {
        uploading.delete(item.code);
        refusals.set(item.code, plainMessage(asError(e))); // the refusal once, without field names
        draw(); // the row as it is now: the table may have been drawn anew meanwhile
      }
    });
    return el('tr', { className: 'material-item', dataset: { code: item.code } },
      el('td', {}, item.name, item.article ? el('div', { className: 'hint' }, item.article) : null),
      el('td', {}, item.required ? el('strong', {}, '必需') : '鼓励提供'),
      el('td', {}, own.length ? el('ul', { className: 'material-files' }, own.map(fileRow)) : '尚未上传',
        el('div', {}, input), error));
  }

  async function refresh() {
    if (await load()) {
      draw();
    }
  }

  function draw() {
    fill(container, el('table', { className: 'data materials-table' },
      el('thead', {}, el('tr', {}, el('th', {}, '材料'), el('th', {}, '是否必需'), el('th', {}, '已上传文件'))),
      el('tbody', {}, list.map(itemRow))),
    el('p', { className: 'hint' }, '只接收PDF、JPEG、PNG文件；PDF不得含有脚本或附件。材料在提交申请（或办结本事项）时一并提交，提交后不可更改，补正时上传新版本。'));
  }

  await refresh();
  return {
    refresh,
    missingRequired: () => list.filter((item) => item.required
      && !files.some((f) => f.materialCode === item.code && !f.submitted && f.step === step)),
  };
}
