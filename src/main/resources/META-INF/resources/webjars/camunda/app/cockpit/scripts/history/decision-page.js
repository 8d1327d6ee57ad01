// Camunda's own pages in Cockpit, in Chinese like the rest of it: the decision instance page
// (#/decision-instance/{id}) with dmn-js's captions (命中策略, 当/且/则, 备注, column types, 查看决策需求图)
// and its inputs and outputs as people read them (所在县（区） = 朔城区, not shuocheng), and the type column of
// Camunda's variable tables (文本, not String). Only texts are replaced, never a value sent anywhere;
// the code stays in the title.

import {localise} from '../../../../../common/dmn-zh.js';
import {clauseValue} from './format.js';
import {VARIABLE_TYPES} from './labels.js';

const ENGINE = '/camunda/api/engine/engine/default';
const ROUTE = /^#\/decision-instance\/([^/?]+)/;
const DONE = 'msLabelled';

/** The inputs and outputs of the decision instance on the page: {id, clauses} once loaded. */
let shown = {id: null, clauses: []};

async function loadClauses(id) {
  shown = {id, clauses: []};
  try {
    const response = await fetch(`${ENGINE}/history/decision-instance/${encodeURIComponent(id)}`
      + '?includeInputs=true&includeOutputs=true&disableCustomObjectDeserialization=true',
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    const instance = response.ok ? await response.json() : null;
    if (instance && shown.id === id) {
      shown = {id, clauses: [...(instance.inputs || []), ...(instance.outputs || [])]};
      label();
    }
  } catch (e) {
    // the codes stay as they are
  }
}

function relabel(element, text, code) {
  element.dataset[DONE] = '';
  if (text !== element.textContent) {
    element.textContent = text;
    element.title = code;
  }
}

function label() {
  document.querySelectorAll('td.col-type > div').forEach(cell => {
    const type = cell.textContent.trim();
    if (VARIABLE_TYPES[type] && !(DONE in cell.dataset)) {
      relabel(cell, VARIABLE_TYPES[type], type);
    }
  });
  const route = ROUTE.exec(location.hash);
  // once the page shows its table: before that, the login may still be in the way
  if (!route || !document.querySelector('.dmn-js-parent')) {
    return;
  }
  if (shown.id !== route[1]) {
    loadClauses(route[1]);
    return;
  }
  document.querySelectorAll('.dmn-js-parent:not([data-ms-labelled])').forEach(table => {
    table.dataset[DONE] = '';
    // the rule's own text (FEEL, codes), as the rule administrators wrote it; its captions are ours
    table.dataset.userText = '';
    localise(table.parentElement);
  });
  for (const clause of shown.clauses) {
    const readable = clauseValue(clause);
    // the table's caption: 且 = 朔城区
    document.querySelectorAll(`th[data-col-id="${CSS.escape(clause.clauseId || '')}"] .dmn-input`).forEach(input => {
      if (!(DONE in input.dataset)) {
        relabel(input, ` = ${readable}`, String(clause.value));
      }
    });
    // the 输入 / 输出 tabs: the row of the clause's name
    document.querySelectorAll('table.cam-table tbody tr').forEach(row => {
      const name = row.querySelector('td.col-name');
      const value = row.querySelector('td.col-value .ng-binding, td.col-value [ng-transclude]');
      if (name && value && !(DONE in value.dataset) && name.textContent.trim() === (clause.clauseName || clause.variableName)
          && value.textContent.trim() === String(clause.value)) {
        relabel(value, readable, String(clause.value));
      }
    });
  }
}

let pending = false;
new MutationObserver(() => {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      label();
    });
  }
}).observe(document.body, {childList: true, subtree: true});
