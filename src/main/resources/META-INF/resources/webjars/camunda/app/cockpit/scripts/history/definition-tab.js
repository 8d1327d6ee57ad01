// Process definition → 历史 tab: finished and running instances, filtered and paged on the server
// (historic process instance query + /count; one page of variables per page; never all).

import {EngineClient} from './api.js';
import {alertBox, h, loading, replace} from './dom.js';
import {between, dateTime, dayBoundary, duration} from './format.js';
import {
  COUNTIES, INSTANCE_STATES, OUTCOMES, OUTCOMES_BY_PROCESS, SUPERVISION_KEY, countyLabel, label, outcomeLabel
} from './labels.js';
import {historyLink} from './instance-page.js';

const PAGE_SIZES = [20, 50, 100];
/** Application numbers SQ-2026-000001 (or SQ-2026-…-n), certificate numbers SZZC-2026-001. */
const COMPLETE_NUMBER = /^(SQ|SZZC)-\d{4}-\d{3,}(-\d+)?$/i;
const ROW_VARIABLES = ['outcome', 'county', 'spaceName', 'certificateNumber'];

function emptyFilter() {
  return {
    state: '', outcome: '', county: '', numberKind: 'auto', number: '', dateField: 'start', from: '', to: '',
    allVersions: true, sortBy: 'startTime', sortOrder: 'desc', page: 1, pageSize: 50
  };
}

function storageKey(definitionKey) {
  return `audit-history-filter:${definitionKey}`;
}

function loadFilter(definitionKey) {
  try {
    return {...emptyFilter(), ...JSON.parse(sessionStorage.getItem(storageKey(definitionKey)) || '{}')};
  } catch (e) {
    return emptyFilter();
  }
}

function saveFilter(definitionKey, filter) {
  try {
    sessionStorage.setItem(storageKey(definitionKey), JSON.stringify(filter));
  } catch (e) {
    // private mode: the filter is just not remembered
  }
}

/** Which number the user typed: certificate numbers start with SZZC, application numbers with SQ. */
function numberKind(filter) {
  if (filter.numberKind !== 'auto') {
    return filter.numberKind;
  }
  return /^\s*SZZC/i.test(filter.number) ? 'certificate' : 'application';
}

/**
 * The historic process instance query of the filter. One kind of number at a time: an OR of the
 * business key and a variable would join every variable of every instance (seconds, not ms).
 */
export function buildQuery(definition, filter) {
  const query = filter.allVersions ? {processDefinitionKey: definition.key} : {processDefinitionId: definition.id};
  if (filter.state === 'running') {
    query.unfinished = true;
  } else if (filter.state === 'finished') {
    query.finished = true;
  }
  const variables = [];
  if (filter.outcome) {
    variables.push({name: 'outcome', operator: 'eq', value: filter.outcome});
  }
  if (filter.county) {
    variables.push({name: 'county', operator: 'eq', value: filter.county});
  }
  const number = filter.number.trim();
  if (number) {
    // A complete number is matched exactly (indexed, fast); a part with LIKE. LIKE on a variable's
    // text is not indexed: a part of a certificate number takes seconds with 10,000+ instances.
    const complete = COMPLETE_NUMBER.test(number);
    const variable = (name) => variables.push(complete
      ? {name, operator: 'eq', value: number.toUpperCase()}
      : {name, operator: 'like', value: `%${number}%`});
    const businessKeyIsCertificate = definition.key === SUPERVISION_KEY;
    if (numberKind(filter) === 'certificate' && !businessKeyIsCertificate) {
      variable('certificateNumber');
    } else if (numberKind(filter) === 'application' && businessKeyIsCertificate) {
      variable('applicationNumber');
    } else if (complete) {
      query.processInstanceBusinessKey = number.toUpperCase();
    } else {
      query.processInstanceBusinessKeyLike = `%${number}%`;
    }
  }
  if (variables.length) {
    query.variables = variables;
  }
  const from = dayBoundary(filter.from, false);
  const to = dayBoundary(filter.to, true);
  if (filter.dateField === 'end') {
    if (from) {
      query.finishedAfter = from;
    }
    if (to) {
      query.finishedBefore = to;
    }
  } else {
    if (from) {
      query.startedAfter = from;
    }
    if (to) {
      query.startedBefore = to;
    }
  }
  return query;
}

function select(options, selected, onChange, className = '', id = undefined) {
  return h('select', {className: `form-control input-sm ${className}`, id, onChange},
    options.map(([value, text]) => h('option', {value, selected: value === selected}, text)));
}

function rowVariables(variables, instanceId) {
  const result = {};
  for (const variable of variables.filter(v => v.processInstanceId === instanceId)) {
    const top = variable.activityInstanceId === instanceId;
    if (!(variable.name in result) || top) {
      result[variable.name] = variable.value;
    }
  }
  return result;
}

function outcomeCell(outcome) {
  if (!outcome) {
    return '';
  }
  return h('span', {className: `audit-outcome audit-outcome-${String(outcome).toLowerCase()}`}, outcomeLabel(outcome));
}

let current = null;

export const definitionTabPlugin = {
  id: 'audit-history-tab',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  // after Camunda's own 流程实例 tab (priority 10), so staff keep their default tab
  priority: 8,
  label: '历史',
  properties: {label: '历史'},
  render(node, {api, processDefinitionId}) {
    const client = new EngineClient(api);
    const state = {alive: true, request: 0};
    current = state;
    const root = h('div', {className: 'audit-history-tab'}, loading());
    node.appendChild(root);
    client.get(`/process-definition/${encodeURIComponent(processDefinitionId)}`).then(definition => {
      if (state.alive) {
        mount(root, client, definition, state);
      }
    }).catch(error => state.alive && replace(root, alertBox('danger', error.message)));
  },
  unmount() {
    if (current) {
      current.alive = false;
      current = null;
    }
  }
};

function mount(root, client, definition, state) {
  const filter = loadFilter(definition.key);
  const summary = h('div', {className: 'audit-result-summary'});
  const results = h('div', {className: 'audit-results'});
  const pager = h('div', {className: 'audit-pager'});
  const outcomes = OUTCOMES_BY_PROCESS[definition.key] || Object.keys(OUTCOMES);

  const change = (name, transform = x => x) => event => {
    filter[name] = transform(event.target.type === 'checkbox' ? event.target.checked : event.target.value);
  };
  const numberInput = h('input', {type: 'search', className: 'form-control input-sm audit-number-input',
    id: 'audit-filter-number',
    placeholder: definition.key === SUPERVISION_KEY ? '证书编号，如 SZZC-2026-001' : '申请编号或证书编号，如 SQ-2026-000001',
    value: filter.number, onInput: change('number')});
  const fromInput = h('input', {type: 'date', className: 'form-control input-sm', id: 'audit-filter-from',
    value: filter.from, onChange: change('from')});
  const toInput = h('input', {type: 'date', className: 'form-control input-sm', id: 'audit-filter-to',
    value: filter.to, onChange: change('to')});
  // every field has its label, bound by for: shown where the form has room, for screen readers elsewhere
  const fieldLabel = (id, text, hidden = false) => h('label', {for: id, className: hidden ? 'sr-only' : undefined}, text);

  const search = page => {
    filter.page = page || 1;
    saveFilter(definition.key, filter);
    run();
  };
  const form = h('form', {className: 'form-inline audit-filter', onSubmit: event => {
    event.preventDefault();
    search(1);
  }},
  h('div', {className: 'form-group'}, fieldLabel('audit-filter-state', '状态'),
    select([['', '全部'], ['running', '运行中'], ['finished', '已结束']], filter.state, change('state'),
      'audit-state-select', 'audit-filter-state')),
  h('div', {className: 'form-group'}, fieldLabel('audit-filter-outcome', '办理结果'),
    select([['', '全部'], ...outcomes.map(code => [code, OUTCOMES[code]])], filter.outcome, change('outcome'),
      'audit-outcome-select', 'audit-filter-outcome')),
  h('div', {className: 'form-group'}, fieldLabel('audit-filter-county', '区县'),
    select([['', '全部'], ...Object.entries(COUNTIES)], filter.county, change('county'), 'audit-county-select',
      'audit-filter-county')),
  h('div', {className: 'form-group'}, fieldLabel('audit-filter-number', '编号'),
    fieldLabel('audit-filter-number-kind', '编号类型', true),
    select([['auto', '自动识别'], ['application', '申请编号'], ['certificate', '证书编号']], filter.numberKind,
      change('numberKind'), '', 'audit-filter-number-kind'), numberInput),
  h('div', {className: 'form-group'}, fieldLabel('audit-filter-date-field', '按哪个日期筛选', true),
    select([['start', '开始日期'], ['end', '结束日期']], filter.dateField, change('dateField'), '',
      'audit-filter-date-field'),
    fieldLabel('audit-filter-from', '起始日期', true), fromInput, h('span', {'aria-hidden': 'true'}, '至'),
    fieldLabel('audit-filter-to', '截止日期', true), toInput),
  h('div', {className: 'checkbox'}, h('label', null,
    h('input', {type: 'checkbox', checked: filter.allVersions, onChange: change('allVersions')}),
    ` 包含全部版本（当前为版本 ${definition.version}）`)),
  h('button', {type: 'submit', className: 'btn btn-primary btn-sm audit-search-button'}, '查询'),
  h('button', {type: 'button', className: 'btn btn-default btn-sm', onClick: () => {
    Object.assign(filter, emptyFilter());
    saveFilter(definition.key, filter);
    root.innerHTML = '';
    mount(root, client, definition, state);
  }}, '重置'));

  const sortHeader = (title, sortBy) => {
    const activeSort = filter.sortBy === sortBy;
    return h('th', {className: 'audit-sortable'}, h('a', {href: '', onClick: event => {
      event.preventDefault();
      filter.sortOrder = activeSort && filter.sortOrder === 'desc' ? 'asc' : 'desc';
      filter.sortBy = sortBy;
      search(1);
    }}, title, activeSort ? (filter.sortOrder === 'desc' ? ' ▼' : ' ▲') : ''));
  };

  async function run() {
    const request = ++state.request;
    replace(results, loading('正在查询…'));
    const query = buildQuery(definition, filter);
    const firstResult = (filter.page - 1) * filter.pageSize;
    try {
      const [count, instances] = await Promise.all([
        client.query('/history/process-instance/count', query),
        client.query('/history/process-instance',
          {...query, sorting: [{sortBy: filter.sortBy, sortOrder: filter.sortOrder}]},
          {firstResult, maxResults: filter.pageSize})
      ]);
      const variables = instances.length
        ? await client.query('/history/variable-instance', {
          processInstanceIdIn: instances.map(i => i.id), variableNameIn: ROW_VARIABLES
        }, {deserializeValues: false, maxResults: instances.length * ROW_VARIABLES.length * 4})
        : [];
      if (!state.alive || request !== state.request) {
        return;
      }
      draw(count.count, instances, variables, firstResult);
    } catch (error) {
      if (state.alive && request === state.request) {
        replace(results, alertBox('danger', error.message));
        replace(summary);
        replace(pager);
      }
    }
  }

  function draw(total, instances, variables, firstResult) {
    replace(summary, total
      ? `共 ${total.toLocaleString('zh-CN')} 个流程实例，当前显示第 ${firstResult + 1}–${firstResult + instances.length} 个`
      : '');
    if (!instances.length) {
      replace(results, h('p', {className: 'audit-muted audit-empty'}, '没有符合条件的流程实例。'));
      replace(pager);
      return;
    }
    const rows = instances.map(instance => {
      const vars = rowVariables(variables, instance.id);
      const certificate = vars.certificateNumber && vars.certificateNumber !== instance.businessKey
        ? h('div', {className: 'audit-muted'}, `证书 ${vars.certificateNumber}`) : '';
      return h('tr', {dataset: {instanceId: instance.id, businessKey: instance.businessKey || ''}},
        h('td', null, h('a', {href: historyLink(instance.id), className: 'audit-instance-link'},
          instance.businessKey || instance.id), certificate),
        h('td', null, vars.spaceName || ''),
        h('td', null, outcomeCell(vars.outcome)),
        h('td', null, countyLabel(vars.county)),
        h('td', null, h('span', {className: `label ${instance.endTime ? 'label-default' : 'label-info'}`},
          label(INSTANCE_STATES, instance.state) || (instance.endTime ? '已结束' : '运行中'))),
        h('td', {className: 'audit-time'}, dateTime(instance.startTime)),
        h('td', {className: 'audit-time'}, dateTime(instance.endTime)),
        h('td', null, duration(instance.endTime ? instance.durationInMillis : between(instance.startTime))),
        h('td', null, String(instance.processDefinitionVersion || '')));
    });
    replace(results, h('table', {className: 'table table-striped table-condensed audit-table audit-instances'},
      h('thead', null, h('tr', null,
        sortHeader('业务编号', 'businessKey'), h('th', null, '众创空间'), h('th', null, '办理结果'), h('th', null, '区县'),
        h('th', null, '状态'), sortHeader('开始时间', 'startTime'), sortHeader('结束时间', 'endTime'),
        sortHeader('耗时', 'duration'), sortHeader('版本', 'definitionVersion'))),
      h('tbody', null, rows)));
    drawPager(total);
  }

  function drawPager(total) {
    const pages = Math.max(1, Math.ceil(total / filter.pageSize));
    const pageInput = h('input', {type: 'number', min: '1', max: String(pages), value: String(filter.page),
      className: 'form-control input-sm audit-page-input', onChange: event => {
        const page = Math.min(pages, Math.max(1, Number(event.target.value) || 1));
        search(page);
      }});
    replace(pager, h('div', {className: 'form-inline'},
      h('button', {type: 'button', className: 'btn btn-default btn-sm audit-previous', disabled: filter.page <= 1,
        onClick: () => search(filter.page - 1)}, '‹ 上一页'),
      h('span', null, ' 第 '), pageInput, h('span', null, ` / ${pages.toLocaleString('zh-CN')} 页 `),
      h('button', {type: 'button', className: 'btn btn-default btn-sm audit-next', disabled: filter.page >= pages,
        onClick: () => search(filter.page + 1)}, '下一页 ›'),
      h('span', {className: 'audit-page-size'}, ' 每页 ',
        select(PAGE_SIZES.map(size => [String(size), String(size)]), String(filter.pageSize), event => {
          filter.pageSize = Number(event.target.value);
          search(1);
        }), ' 条')));
  }

  replace(root, form, summary, results, pager);
  run();
}
