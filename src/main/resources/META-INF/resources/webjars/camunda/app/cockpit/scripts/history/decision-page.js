// Camunda's own pages in Cockpit, in Chinese like the rest of it: the decision definition and decision
// instance pages (#/decision-definition/{id}, #/decision-instance/{id}) with dmn-js's captions and
// tooltips (命中策略, 当/且/则, 备注, column types, 查看决策需求图) as on the rule page (common/dmn-zh.js), the
// instance's inputs and outputs as people read them (所在县（区） = 朔城区, not shuocheng), the type column
// of Camunda's variable tables (文本, not String), and 无 where a template writes an absent value as
// "null" (the decision definition's 租户标识), and in the definition's list of instances the activity's
// name instead of its id. Only texts are replaced, never a value sent anywhere;
// the code stays in the title.

import {localise} from '../../../../../common/dmn-zh.js';
import {clauseValue} from './format.js';
import {VARIABLE_TYPES} from './labels.js';

const ENGINE = '/camunda/api/engine/engine/default';
const ROUTE = /^#\/decision-instance\/([^/?]+)/;
const TABLE_ROUTE = /^#\/decision-(definition|instance)\//;
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

/** The names of a process definition's activities by their ids, read once from its diagram: id → promise of a Map. */
const activityNames = new Map();

function namesOf(definitionId) {
  if (!activityNames.has(definitionId)) {
    activityNames.set(definitionId, fetch(`${ENGINE}/process-definition/${encodeURIComponent(definitionId)}/xml`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : {}))
      .then(({bpmn20Xml}) => new DOMParser().parseFromString(bpmn20Xml || '<none/>', 'application/xml'))
      .then(diagram => new Map([...diagram.querySelectorAll('[id][name]')].map(e => [e.getAttribute('id'), e.getAttribute('name')])))
      .catch(() => new Map()));
  }
  return activityNames.get(definitionId);
}

/** The decision definition's list of its instances names the activity that evaluated each (申报条件预审（第四条）, not checkEligibility). */
function nameActivities() {
  // the id's own element, beside Cockpit's copy button (which still copies the id)
  document.querySelectorAll('td.activity-id [ng-transclude]:not([data-ms-labelled])').forEach(cell => {
    const link = cell.closest('tr').querySelector('td.definition-key a[href*="#/process-definition/"]');
    const definition = link && /#\/process-definition\/([^/?]+)/.exec(link.getAttribute('href'));
    const id = cell.textContent.trim();
    if (definition && id) {
      cell.dataset[DONE] = '';
      namesOf(definition[1]).then(names => names.has(id) && relabel(cell, names.get(id), id));
    }
  });
}

function label() {
  document.querySelectorAll('td.col-type > div').forEach(cell => {
    const type = cell.textContent.trim();
    if (VARIABLE_TYPES[type] && !(DONE in cell.dataset)) {
      relabel(cell, VARIABLE_TYPES[type], type);
    }
  });
  document.querySelectorAll('.null-value').forEach(absent => {
    if (absent.textContent.trim() === 'null') {
      absent.textContent = '无';
    }
  });
  nameActivities();
  // once the page shows its table: before that, the login may still be in the way
  if (!TABLE_ROUTE.test(location.hash) || !document.querySelector('.dmn-js-parent')) {
    return;
  }
  document.querySelectorAll('.dmn-js-parent:not([data-ms-labelled])').forEach(table => {
    table.dataset[DONE] = '';
    // the rule's own text (FEEL, codes), as the rule administrators wrote it; its captions are ours
    table.dataset.userText = '';
    localise(table.parentElement);
  });
  const route = ROUTE.exec(location.hash);
  if (!route) {
    return;
  }
  if (shown.id !== route[1]) {
    loadClauses(route[1]);
    return;
  }
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
