// The check of a prepared table: the server checks it and runs the regression cases on the old
// and the new table; the cases whose results change are shown side by side.

import { ApiError } from '/common/errors.js';
import { el, fill, hide, show } from '/common/dom.js';
import { codeLabel } from '/common/readable.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { $, message, state } from './context.js';
import { formatValue } from './format.js';

/** Forgets the last check: what is shown has to be checked again. */
export function resetCheck() {
  state.checkedXml = null;
  state.checkResult = null;
  fill($('check-result'));
  hide($('check-result'), $('activate-form'), $('activate-error'));
  $('activate-reason').value = '';
  $('confirm-changes').checked = false;
}

/** The table changed after a check: that check no longer counts. */
export function checkOutdated() {
  if (state.checkResult) {
    resetCheck();
    message($('check-result'), 'warn', '规则表在检查后又被修改，请重新单击“检查”。');
    show($('check-result'));
  }
}

$('check-button').addEventListener('click', async () => {
  if (!state.candidate) {
    return;
  }
  const button = $('check-button');
  button.disabled = true;
  hide($('change-error'));
  try {
    const xml = await state.candidate.xml();
    resetCheck();
    fill($('check-result'), el('p', { className: 'hint' }, '正在检查……'));
    show($('check-result'));
    let result;
    try {
      result = await rules.check(state.key, xml);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        // Refused outright (too large, past a limit …): shown like a failed check, each problem once
        // (the refusal's detail only repeats its errors).
        result = { accepted: false, errors: e.errors.length ? e.errors : [{ message: e.message }], changedCases: [] };
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

export function count(value) {
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
      errors.length ? el('ul', { id: 'check-errors' }, errors.map((e) => el('li', {},
        typeof e === 'string' ? e : [e.code ? el('code', {}, e.code) : null, e.code ? '：' : null, e.message || JSON.stringify(e)]))) : null));
  }

  const warnings = result.warnings || [];
  if (warnings.length) {
    parts.push(el('div', { className: 'message warn', id: 'check-warnings' }, '提示：',
      el('ul', {}, warnings.map((w) => el('li', {}, typeof w === 'string' ? w : w.message || JSON.stringify(w))))));
  }

  // a case that cannot be evaluated is one of the errors above (CASE_FAILED): not listed a second time

  if (changed.length) {
    parts.push(...changedCasesView(changed, 'changed-cases'));
  }

  if (result.accepted || unchanged > 0) {
    parts.push(el('p', { className: 'hint', id: 'unchanged-count' }, `结果不变的用例：${unchanged} 个。`));
  }
  fill(box, parts);
  show(box);

  if (result.accepted) {
    if (state.candidate && state.candidate.mode === 'editor') {
      // the editor's status follows: what it shows has been checked, not yet activated
      $('editor-status').textContent = '检查通过，尚未启用';
      $('editor-status').classList.remove('dirty');
    }
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

/**
 * The cases whose results change, old and new side by side, with the legend: the check's result,
 * and what the second rule administrator approves (a proposal keeps its check's changed cases).
 */
export function changedCasesView(changed, id) {
  return [
    el('h4', {}, `结果发生变化的用例（${changed.length} 个）`),
    el('div', { className: 'table-scroll' }, el('table', { className: 'data cases', id },
      el('thead', {}, el('tr', {},
        el('th', {}, '用例名称'), el('th', {}, '输入'), el('th', {}, '原结果'), el('th', {}, ''), el('th', {}, '新结果'))),
      el('tbody', {}, changed.map((c) => el('tr', { className: 'changed-case' },
        el('td', { className: 'case-name' }, c.name || '—'),
        el('td', {}, renderInputs(c.inputs)),
        el('td', { className: 'before' }, renderOutcome(pick(c, 'before', 'baselineRows'), c.beforeError || c.baselineError,
          pick(c, 'after', 'candidateRows'), 'removed')),
        el('td', { className: 'arrow' }, '→'),
        el('td', { className: 'after' }, renderOutcome(pick(c, 'after', 'candidateRows'), c.candidateError,
          pick(c, 'before', 'baselineRows'), 'added'))))))),
    el('p', { className: 'hint' }, '标记说明：',
      el('span', { className: 'legend removed' }, '删除线'), ' 为新规则表不再输出的结果，',
      el('span', { className: 'legend added' }, '黄色底'), ' 为新规则表新增或改变的结果，其中',
      el('span', { className: 'legend changed' }, '加粗'), '的是变化的值。'),
  ];
}

function inputLabel(name) {
  const inputs = (state.detail && state.detail.table && state.detail.table.inputs) || [];
  const input = inputs.find((i) => i.expression === name);
  if (!input || !input.label) {
    // a variable the table reads only inside an expression (公共服务面积 in the share): the dictionary's label
    return codeLabel('variable', name);
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
