// 规则管理页面：决策列表、当前规则表、版本历史、在浏览器中编辑或上传、检查、启用、回滚、发布冲突。

import { ApiError, NotLoggedIn, currentUser, ensureSession } from '/common/session.js';
import { el, fill, formatTime, hide, show, showError } from '/common/dom.js';
import { bindLogin, showApp, showLogin } from '/common/login.js';
import { rules } from './api.js';
import { TableEditor } from './editor.js';
import { formatValue, sourceLabel } from './format.js';
import { renderDecisionTable } from './table-view.js';

const $ = (id) => document.getElementById(id);

const state = {
  decisions: [],
  key: null,
  detail: null,
  // The change being prepared: {mode: 'editor'} or {mode: 'upload', xml, fileName}.
  candidate: null,
  // The XML that the last successful check judged, and that check's result.
  checkedXml: null,
  checkResult: null,
  rollbackVersion: null,
};

const editor = new TableEditor($('dmn-editor'), onEditorChange);

// ---------------------------------------------------------------- start, login, logout

async function start() {
  try {
    await ensureSession();
    const decisions = await rules.list();
    const user = await currentUser();
    fill($('global-message'));
    showApp(user);
    renderList(decisions);
    const wanted = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (wanted && decisions.some((d) => d.key === wanted)) {
      await select(wanted);
    }
  } catch (e) {
    if (!(e instanceof NotLoggedIn)) {
      // E.g. 403: logged in, but not a rule administrator.
      showApp(await currentUser().catch(() => null));
    }
    handleError(e, $('global-message'));
  } finally {
    hide($('loading'));
  }
}

bindLogin(start, () => {
  state.key = null;
  state.detail = null;
  closeChange();
  hide($('detail'));
});

/** Shows an error where it belongs; a lost session brings back the login form. */
function handleError(error, box) {
  if (error instanceof NotLoggedIn) {
    showLogin(state.decisions.length ? '登录已失效，请重新登录。' : null);
    return;
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
  }
  showError(box, error instanceof Error ? error : new Error(String(error)));
}

function message(box, kind, ...content) {
  fill(box, el('div', { className: `message ${kind}` }, ...content));
}

// ---------------------------------------------------------------- list

function renderList(decisions) {
  state.decisions = decisions;
  const body = $('decision-list').tBodies[0];
  fill(body, decisions.map((d) => el('tr', {
    className: `selectable${d.key === state.key ? ' selected' : ''}`,
    dataset: { key: d.key },
    tabindex: '0',
    onClick: () => select(d.key),
    onKeydown: (e) => { if (e.key === 'Enter') select(d.key); },
  },
  el('td', { className: 'mono nowrap' }, d.key),
  el('td', {}, d.name || '—'),
  el('td', { className: 'nowrap', dataset: { field: 'version' } }, d.activeVersion != null ? `第 ${d.activeVersion} 版` : '—'),
  el('td', { className: 'nowrap' }, formatTime(d.activatedAt)),
  el('td', { className: 'nowrap' }, who(d.activatedBy, d.source)),
  el('td', {}, d.reason || '—'),
  el('td', {}, el('span', { className: 'badge source' }, sourceLabel(d.source))),
  el('td', {}, d.conflict
    ? el('span', { className: 'badge conflict', title: '新发布的程序包带有不同的规则表，需要管理员选择' }, '发布冲突')
    : el('span', { className: 'badge ok' }, '正常')))));
  if (!decisions.length) {
    fill(body, el('tr', {}, el('td', { colspan: '8' }, '（没有决策规则）')));
  }
}

async function reloadList() {
  renderList(await rules.list());
}

// ---------------------------------------------------------------- detail

async function select(key) {
  if (key !== state.key) {
    closeChange();
    fill($('detail-message'));
  }
  try {
    const detail = await rules.get(key);
    state.key = key;
    state.detail = detail;
    history.replaceState(null, '', `#${encodeURIComponent(key)}`);
    document.querySelectorAll('#decision-list tbody tr').forEach((tr) => {
      tr.classList.toggle('selected', tr.dataset.key === key);
    });
    renderDetail(detail);
  } catch (e) {
    handleError(e, $('global-message'));
  }
}

/** Who activated a version; packaged versions were deployed by the release itself. */
function who(user, source) {
  if (user) {
    return user;
  }
  return source === 'release' ? '系统（随版本发布）' : '—';
}

function activeVersion() {
  return state.detail && state.detail.active ? state.detail.active.version : undefined;
}

function fact(name, label, value, mono = false) {
  return el('div', { dataset: { fact: name } }, el('dt', {}, `${label}：`), el('dd', { className: mono ? 'mono' : '' }, value));
}

function renderDetail(detail) {
  const active = detail.active || {};
  $('detail-name').textContent = detail.name || detail.key;
  $('detail-key').textContent = detail.key;
  fill($('active-facts'),
    fact('version', '当前版本', active.version != null ? `第 ${active.version} 版` : '—'),
    fact('activatedAt', '启用时间', formatTime(active.activatedAt)),
    fact('activatedBy', '启用人', who(active.activatedBy, active.source)),
    fact('source', '来源', sourceLabel(active.source)),
    fact('reason', '启用原因', active.reason || '—'),
    fact('decisionDefinitionId', '决策定义ID', active.decisionDefinitionId || '—', true));
  const download = $('download-active');
  download.href = rules.xmlUrl(detail.key);
  download.setAttribute('download', `${detail.key}${active.version != null ? `-v${active.version}` : ''}.dmn`);

  renderConflict(detail);
  renderProposals(detail);
  fill($('active-table'), renderDecisionTable(detail.table));
  renderVersions(detail);
  show($('detail'));
}

function renderVersions(detail) {
  const activeVersion = detail.active ? detail.active.version : null;
  const body = $('version-history').tBodies[0];
  const versions = detail.versions || [];
  fill(body, versions.map((v) => {
    const isActive = v.version === activeVersion;
    return el('tr', { dataset: { version: String(v.version) }, className: isActive ? 'selected' : '' },
      el('td', { className: 'nowrap' }, `第 ${v.version} 版`, isActive ? [' ', el('span', { className: 'badge active' }, '当前生效')] : null),
      el('td', { className: 'nowrap' }, formatTime(v.activatedAt || v.deployedAt || v.deploymentTime)),
      el('td', { className: 'nowrap' }, who(v.activatedBy, v.source)),
      el('td', {}, v.reason || '—'),
      el('td', {}, el('span', { className: 'badge source' }, sourceLabel(v.source)),
        v.source === 'rollback' && v.rollbackOf ? el('div', { className: 'hint' }, `恢复自第 ${v.rollbackOf} 版`) : null),
      el('td', { className: 'nowrap' },
        el('a', {
          className: 'button small',
          href: rules.xmlUrl(detail.key, v.version),
          download: `${detail.key}-v${v.version}.dmn`,
        }, '下载'),
        ' ',
        isActive ? null : el('button', {
          type: 'button',
          className: 'small rollback-button',
          dataset: { version: String(v.version) },
          onClick: () => openRollback(v.version),
        }, '回滚到此版本')));
  }));
  if (!versions.length) {
    fill(body, el('tr', {}, el('td', { colspan: '6' }, '（没有版本记录）')));
  }
}

// ---------------------------------------------------------------- proposals (two people for statutory numbers)

const PROPOSAL_STATUS = { PROPOSED: '待审批', APPROVED: '已批准并生效', REJECTED: '已驳回' };

function pendingProposal() {
  return ((state.detail && state.detail.proposals) || []).find((p) => p.status === 'PROPOSED');
}

function renderProposals(detail) {
  const proposals = detail.proposals || [];
  const pending = pendingProposal();
  hide($('proposal-error'));
  $('proposal-reason').value = '';
  if (pending) {
    fill($('proposal-facts'),
      fact('proposedBy', '提出人', pending.proposedBy),
      fact('proposedAt', '提出时间', formatTime(pending.proposedAt)),
      fact('proposalReason', '修改原因', pending.reason),
      fact('baseVersion', '基于版本', pending.baseVersion != null ? `第 ${pending.baseVersion} 版` : '—'),
      pending.rollbackOf != null ? fact('rollbackOf', '回滚到', `第 ${pending.rollbackOf} 版`) : null,
      fact('changedCases', '结果改变的用例', `${(pending.changedCases || []).length} 个`));
    show($('proposal-panel'));
  } else {
    hide($('proposal-panel'));
  }
  const body = $('proposal-history').tBodies[0];
  fill(body, proposals.map((p) => el('tr', { dataset: { proposal: p.proposalId, status: p.status } },
    el('td', { className: 'nowrap' }, PROPOSAL_STATUS[p.status] || p.status),
    el('td', { className: 'nowrap' }, p.proposedBy),
    el('td', { className: 'nowrap' }, formatTime(p.proposedAt)),
    el('td', {}, p.reason),
    el('td', { className: 'nowrap' }, p.decidedBy || '—'),
    el('td', { className: 'nowrap' }, p.decidedAt ? formatTime(p.decidedAt) : '—'),
    el('td', {}, p.decisionReason || '—'),
    el('td', { className: 'nowrap' }, p.version != null ? `第 ${p.version} 版` : '—'))));
  if (!proposals.length) {
    fill(body, el('tr', {}, el('td', { colspan: '8' }, '（没有需要审批的修改）')));
  }
}

async function decideProposal(approve) {
  const pending = pendingProposal();
  const reason = $('proposal-reason').value.trim();
  const box = $('proposal-error');
  if (!pending) {
    return;
  }
  if (!reason) {
    showError(box, new Error('请填写审批意见。'));
    return;
  }
  const buttons = [$('proposal-approve'), $('proposal-reject')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    if (approve) {
      const answer = await rules.approve(state.key, pending.proposalId, reason);
      await refreshAfterChange(null, answer.version);
    } else {
      await rules.reject(state.key, pending.proposalId, reason);
      await refreshAfterChange('已驳回该修改，当前生效版本不变。');
    }
  } catch (e) {
    handleError(e, box);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

$('proposal-approve').addEventListener('click', () => decideProposal(true));
$('proposal-reject').addEventListener('click', () => decideProposal(false));

/** The message after a change that became a proposal instead of a new version. */
const PROPOSED_TEXT = '已提交审批：该修改涉及《办法》规定的数值，须由另一名规则管理员审批后生效；在此之前仍使用当前版本。';

// ---------------------------------------------------------------- conflict

function renderConflict(detail) {
  const conflict = detail.conflict;
  const panel = $('conflict-panel');
  hide($('conflict-error'));
  if (!conflict) {
    hide(panel);
    return;
  }
  fill($('conflict-text'),
    conflict.message || '本次发布的程序包带有与当前生效版本不同的规则表。为避免发布覆盖管理员的修改，系统仍在使用管理员启用的版本，请选择保留哪一个。');
  fill($('conflict-facts'),
    fact('detectedAt', '发现时间', formatTime(conflict.detectedAt)),
    fact('activeVersion', '当前生效', conflict.adminVersion != null
      ? `第 ${conflict.adminVersion} 版（管理员版本）`
      : detail.active && detail.active.version != null ? `第 ${detail.active.version} 版` : '—'),
    conflict.packagedChecksum ? fact('packagedChecksum', '新发布版本校验值', String(conflict.packagedChecksum).slice(0, 16), true) : null);
  $('conflict-reason').value = '';
  show(panel);
}

async function resolveConflict(choice) {
  const reason = $('conflict-reason').value.trim();
  const box = $('conflict-error');
  if (!reason) {
    showError(box, new Error('请填写处理原因。'));
    return;
  }
  const buttons = [$('conflict-keep'), $('conflict-take')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    await rules.resolveConflict(state.key, choice, reason);
    hide(box);
    await refreshAfterChange(choice === 'keep-admin' ? '已保留管理员版本，发布冲突已处理。' : null);
  } catch (e) {
    handleError(e, box);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

$('conflict-keep').addEventListener('click', () => resolveConflict('keep-admin'));
$('conflict-take').addEventListener('click', () => resolveConflict('take-packaged'));

// ---------------------------------------------------------------- preparing a change

function openChange(title) {
  $('change-title').textContent = title;
  resetCheck();
  hide($('change-error'));
  show($('change-panel'));
}

function closeChange() {
  editor.destroy();
  state.candidate = null;
  resetCheck();
  hide($('change-panel'), $('editor-block'), $('upload-block'), $('change-error'), $('editor-tabs'));
  $('upload-input').value = '';
}

function resetCheck() {
  state.checkedXml = null;
  state.checkResult = null;
  fill($('check-result'));
  hide($('check-result'), $('activate-form'), $('activate-error'));
  $('activate-reason').value = '';
  $('confirm-changes').checked = false;
}

$('edit-button').addEventListener('click', async () => {
  if (!state.key) {
    return;
  }
  const button = $('edit-button');
  button.disabled = true;
  try {
    const xml = await rules.xml(state.key);
    openChange(`在浏览器中修改：${state.detail.name || state.key}（基于第 ${state.detail.active ? state.detail.active.version : '?'} 版）`);
    hide($('upload-block'));
    show($('editor-block'));
    state.candidate = { mode: 'editor', baseVersion: activeVersion() };
    await editor.load(xml, state.key);
    renderEditorTabs();
    $('change-panel').scrollIntoView({ behavior: 'auto', block: 'start' });
  } catch (e) {
    show($('change-panel'));
    handleError(e, $('change-error'));
  } finally {
    button.disabled = false;
  }
});

$('upload-input').addEventListener('change', async (event) => {
  const file = event.target.files && event.target.files[0];
  if (!file || !state.key) {
    return;
  }
  editor.destroy();
  hide($('editor-block'));
  openChange(`上传文件替换：${state.detail.name || state.key}`);
  try {
    const xml = await file.text();
    state.candidate = { mode: 'upload', xml, fileName: file.name, baseVersion: activeVersion() };
    fill($('upload-block'),
      el('div', {}, '已选择文件：', el('strong', {}, file.name), `（${(file.size / 1024).toFixed(1)} KB）`),
      describeUpload(xml),
      el('div', { className: 'hint' }, '单击“检查”，系统将检查该文件并用回归用例比较新旧结果；检查通过后方可启用。'));
    show($('upload-block'));
  } catch (e) {
    handleError(e, $('change-error'));
  }
});

/** What the chosen file contains, as far as the browser can tell (the server checks everything). */
function describeUpload(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) {
    return el('div', { className: 'error-text' }, '提示：该文件不是格式正确的XML，检查将不会通过。');
  }
  const decisions = Array.from(doc.getElementsByTagNameNS('*', 'decision'));
  const ids = decisions.map((d) => d.getAttribute('id'));
  if (!ids.length) {
    return el('div', { className: 'error-text' }, '提示：文件中没有找到决策（decision），检查将不会通过。');
  }
  return el('div', { className: ids.includes(state.key) ? '' : 'error-text' },
    `文件中的决策：${ids.join('、')}`,
    ids.includes(state.key) ? '' : `（提示：没有决策键为 ${state.key} 的决策，检查将不会通过）`);
}

/** One button per decision table of the file when it holds more than one (e.g. annual-assessment). */
function renderEditorTabs() {
  const box = $('editor-tabs');
  const tables = editor.tables();
  if (tables.length < 2) {
    fill(box);
    hide(box);
    return;
  }
  fill(box, tables.map((t) => el('button', {
    type: 'button',
    className: `small${t.id === editor.tableId ? ' pressed' : ''}`,
    dataset: { table: t.id },
    onClick: async () => {
      try {
        await editor.showTable(t.id);
        renderEditorTabs();
      } catch (e) {
        handleError(e, $('change-error'));
      }
    },
  }, `${t.name}（${t.id}）`)));
  show(box);
}

function onEditorChange(editorState) {
  const status = $('editor-status');
  status.textContent = editorState.dirty ? '已修改，尚未检查' : '尚未修改';
  status.classList.toggle('dirty', editorState.dirty);
  $('undo-button').disabled = !editorState.canUndo;
  $('redo-button').disabled = !editorState.canRedo;
  if (state.checkResult) {
    // What was checked is no longer what is shown.
    resetCheck();
    message($('check-result'), 'warn', '规则表在检查后又被修改，请重新单击“检查”。');
    show($('check-result'));
  }
}

$('undo-button').addEventListener('click', () => editor.undo());
$('redo-button').addEventListener('click', () => editor.redo());
$('discard-button').addEventListener('click', () => closeChange());

// ---------------------------------------------------------------- check

$('check-button').addEventListener('click', async () => {
  if (!state.candidate) {
    return;
  }
  const button = $('check-button');
  button.disabled = true;
  hide($('change-error'));
  try {
    const xml = state.candidate.mode === 'editor' ? await editor.xml() : state.candidate.xml;
    resetCheck();
    fill($('check-result'), el('p', { className: 'hint' }, '正在检查……'));
    show($('check-result'));
    let result;
    try {
      result = await rules.check(state.key, xml);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && !(e instanceof NotLoggedIn)) {
        // Refused outright (not DMN, not FEEL, other key …): shown like a failed check.
        result = { accepted: false, errors: e.errors.length ? e.errors : [{ message: e.message }], changedCases: [] };
        if (e.errors.length && e.message) {
          result.summary = e.message;
        }
      } else {
        throw e;
      }
    }
    state.checkResult = result;
    state.checkedXml = result.accepted ? xml : null;
    renderCheckResult(result);
  } catch (e) {
    hide($('check-result'));
    handleError(e, $('change-error'));
  } finally {
    button.disabled = false;
  }
});

function count(value) {
  if (Array.isArray(value)) {
    return value.length;
  }
  return typeof value === 'number' ? value : 0;
}

function renderCheckResult(result) {
  const box = $('check-result');
  const errors = result.errors || [];
  const changed = result.changedCases || [];
  const unchanged = count(result.unchangedCases);
  const failed = result.failedCases;
  const parts = [];

  if (result.accepted) {
    parts.push(el('div', { className: 'message ok', id: 'check-summary' },
      el('strong', {}, '检查通过。'),
      changed.length
        ? ` ${changed.length} 个回归用例的结果将发生变化，请逐一核对；其余 ${unchanged} 个用例结果不变。`
        : ` 全部 ${unchanged} 个回归用例结果不变。`));
  } else {
    parts.push(el('div', { className: 'message error', id: 'check-summary' },
      el('strong', {}, '检查未通过，不能启用。'),
      result.summary ? ` ${result.summary}` : '',
      errors.length ? el('ul', { id: 'check-errors' }, errors.map((e) => el('li', {},
        typeof e === 'string' ? e : [e.code ? el('code', {}, e.code) : null, e.code ? '：' : null, e.message || JSON.stringify(e)]))) : null));
  }

  const warnings = result.warnings || [];
  if (warnings.length) {
    parts.push(el('div', { className: 'message warn', id: 'check-warnings' }, '提示：',
      el('ul', {}, warnings.map((w) => el('li', {}, typeof w === 'string' ? w : w.message || JSON.stringify(w))))));
  }

  if (Array.isArray(failed) && failed.length) {
    parts.push(el('div', { className: 'message error' }, `${failed.length} 个回归用例在新规则表上无法计算：`,
      el('ul', { id: 'failed-cases' }, failed.map((f) => el('li', {}, typeof f === 'string' ? f : `${f.name || ''}：${f.error || f.message || ''}`)))));
  } else if (typeof failed === 'number' && failed > 0) {
    parts.push(el('div', { className: 'message error' }, `${failed} 个回归用例在新规则表上无法计算。`));
  }

  if (changed.length) {
    parts.push(el('h4', {}, `结果发生变化的用例（${changed.length} 个）`));
    parts.push(el('div', { className: 'table-scroll' }, el('table', { className: 'data cases', id: 'changed-cases' },
      el('thead', {}, el('tr', {},
        el('th', {}, '用例名称'), el('th', {}, '输入'), el('th', {}, '原结果'), el('th', {}, ''), el('th', {}, '新结果'))),
      el('tbody', {}, changed.map((c) => el('tr', { className: 'changed-case' },
        el('td', { className: 'case-name' }, c.name || '—'),
        el('td', {}, renderInputs(c.inputs)),
        el('td', { className: 'before' }, renderOutcome(pick(c, 'before', 'baselineRows'), c.beforeError || c.baselineError,
          pick(c, 'after', 'candidateRows'), 'removed')),
        el('td', { className: 'arrow' }, '→'),
        el('td', { className: 'after' }, renderOutcome(pick(c, 'after', 'candidateRows'), c.candidateError,
          pick(c, 'before', 'baselineRows'), 'added'))))))));
    parts.push(el('p', { className: 'hint' }, '标记说明：',
      el('span', { className: 'legend removed' }, '删除线'), ' 为新规则表不再输出的结果，',
      el('span', { className: 'legend added' }, '黄色底'), ' 为新规则表新增或改变的结果，其中',
      el('span', { className: 'legend changed' }, '加粗'), '的是变化的值。'));
  }

  if (result.accepted || unchanged > 0) {
    parts.push(el('p', { className: 'hint', id: 'unchanged-count' }, `结果不变的用例：${unchanged} 个。`));
  }
  fill(box, parts);
  show(box);

  if (result.accepted) {
    $('confirm-changes').checked = false;
    if (changed.length) {
      show($('confirm-label'));
    } else {
      hide($('confirm-label'));
    }
    hide($('activate-error'));
    show($('activate-form'));
  }
}

function pick(object, ...names) {
  for (const name of names) {
    if (object && object[name] !== undefined) {
      return object[name];
    }
  }
  return undefined;
}

function outputLabel(name) {
  const outputs = (state.detail && state.detail.table && state.detail.table.outputs) || [];
  const output = outputs.find((o) => o.name === name);
  return output && output.label ? output.label : name;
}

function inputLabel(name) {
  const inputs = (state.detail && state.detail.table && state.detail.table.inputs) || [];
  const input = inputs.find((i) => i.expression === name);
  if (!input || !input.label) {
    return name;
  }
  const cut = input.label.search(/[（(]/);
  return cut > 0 ? input.label.slice(0, cut) : input.label;
}

/** The case's input variables, folded: the case name says what it is about. */
function renderInputs(inputs) {
  if (!inputs || typeof inputs !== 'object') {
    return formatValue(inputs);
  }
  const entries = Object.entries(inputs);
  return el('details', { className: 'case-inputs' },
    el('summary', {}, `${entries.length} 项输入`),
    el('table', { className: 'inputs' }, el('tbody', {}, entries.map(([name, value]) => el('tr', {},
      el('th', { title: name }, inputLabel(name)),
      el('td', { className: 'mono' }, formatValue(value, name)))))));
}

function rowKey(row) {
  return JSON.stringify(row && typeof row === 'object'
    ? Object.keys(row).sort().map((k) => [k, row[k]])
    : row);
}

/**
 * The result rows of one side; rows missing on the other side are marked
 * ("removed" on the old side, "added" on the new side).
 */
function renderOutcome(outcome, error, other, mark) {
  if (error) {
    return el('div', { className: 'error-text' }, `计算失败：${error}`);
  }
  if (outcome === undefined || outcome === null) {
    return el('div', { className: 'result-empty' }, '（无结果）');
  }
  const rows = Array.isArray(outcome) ? outcome : [outcome];
  if (!rows.length) {
    return el('div', { className: 'result-empty' }, '（无命中规则：满足全部条件）');
  }
  const otherRows = Array.isArray(other) ? other : other != null ? [other] : [];
  const otherKeys = new Set(otherRows.map(rowKey));
  const differing = rows.filter((row) => !otherKeys.has(rowKey(row)));
  const same = rows.filter((row) => otherKeys.has(rowKey(row)));
  // Within a differing row, the values no row of the other side has are what changed.
  const changedValue = (k, v) => !otherRows.some((r) => r && typeof r === 'object' && rowKey(r[k]) === rowKey(v));
  const render = (row, className) => el('div', { className },
    row && typeof row === 'object'
      ? Object.entries(row).map(([k, v]) => el('div', {},
        el('span', { className: 'k' }, `${outputLabel(k)}：`),
        el('span', { className: className !== 'result-row' && changedValue(k, v) ? 'v changed' : 'v' }, formatValue(v, k))))
      : formatValue(row));
  return el('div', {},
    differing.map((row) => render(row, `result-row ${mark}`)),
    same.length ? el('details', { className: 'same-rows' },
      el('summary', {}, `${differing.length ? '另有' : ''}${same.length} 条结果新旧相同`),
      same.map((row) => render(row, 'result-row'))) : null);
}

// ---------------------------------------------------------------- activate

$('activate-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = $('activate-error');
  hide(box);
  const reason = $('activate-reason').value.trim();
  const changed = (state.checkResult && state.checkResult.changedCases) || [];
  if (!state.checkedXml) {
    showError(box, new Error('请先单击“检查”，检查通过后才能启用。'));
    return;
  }
  if (!reason) {
    showError(box, new Error('请填写启用原因。'));
    $('activate-reason').focus();
    return;
  }
  const confirmed = $('confirm-changes').checked;
  if (changed.length && !confirmed) {
    showError(box, new Error('有用例的结果发生变化：请逐一核对后勾选“我已核对上述用例变化”。'));
    return;
  }
  const button = $('activate-button');
  button.disabled = true;
  try {
    const answer = await rules.activate(state.key, state.checkedXml, reason, confirmed,
      state.candidate ? state.candidate.baseVersion : undefined);
    const version = answer && (answer.version != null ? answer.version : answer.active && answer.active.version);
    closeChange();
    await refreshAfterChange(answer && answer.status === 'PROPOSED' ? PROPOSED_TEXT : null, version);
  } catch (e) {
    handleError(e, box);
  } finally {
    button.disabled = false;
  }
});

/** Reloads list and detail after a change, and says what is active now. */
async function refreshAfterChange(text, version) {
  await reloadList();
  await select(state.key);
  const active = (state.detail && state.detail.active) || {};
  const shown = version != null ? version : active.version;
  message($('detail-message'), 'ok', el('span', { id: 'activated-message' },
    text || `已启用新版本：第 ${shown} 版。此后新的申请和正在办理的申请在下一次判断时均使用该版本。`));
  $('detail').scrollIntoView({ behavior: 'auto', block: 'start' });
}

// ---------------------------------------------------------------- rollback

function openRollback(version) {
  state.rollbackVersion = version;
  $('rollback-title').textContent = `回滚到第 ${version} 版`;
  $('rollback-reason').value = '';
  hide($('rollback-error'));
  $('rollback-dialog').showModal();
  $('rollback-reason').focus();
}

$('rollback-cancel').addEventListener('click', () => $('rollback-dialog').close());

$('rollback-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reason = $('rollback-reason').value.trim();
  const box = $('rollback-error');
  if (!reason) {
    showError(box, new Error('请填写回滚原因。'));
    return;
  }
  const button = $('rollback-confirm');
  button.disabled = true;
  try {
    const answer = await rules.rollback(state.key, state.rollbackVersion, reason);
    $('rollback-dialog').close();
    closeChange();
    const version = answer && (answer.version != null ? answer.version : answer.active && answer.active.version);
    if (answer && answer.status === 'PROPOSED') {
      await refreshAfterChange(PROPOSED_TEXT);
      return;
    }
    await refreshAfterChange(null, version);
    const shown = version != null ? version : state.detail.active.version;
    message($('detail-message'), 'ok', el('span', { id: 'activated-message' },
      `已回滚：第 ${state.rollbackVersion} 版的规则表已重新部署为第 ${shown} 版并生效。`));
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      $('rollback-dialog').close();
    }
    handleError(e, box);
  } finally {
    button.disabled = false;
  }
});

start();
