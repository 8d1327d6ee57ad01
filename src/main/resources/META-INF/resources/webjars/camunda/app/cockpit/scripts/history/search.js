// Search by application number or certificate number (dashboard and the 历史查询 page): finds the
// certification instance (business key = application number, or variable certificateNumber) and
// the supervision instance (business key = certificate number, or variable applicationNumber); by a
// part of the space's or operator's name or the credit code through the case's searchText.

import {EngineClient} from './api.js';
import {alertBox, h, loading, replace, table} from './dom.js';
import {dateTime} from './format.js';
import {
  CERTIFICATION_KEY, INSTANCE_STATES, PROCESS_NAMES, SUPERVISION_KEY, countyLabel, label, outcomeLabel
} from './labels.js';
import {historyLink} from './instance-page.js';

const MAX_RESULTS = 20;

async function find(client, text) {
  const exact = [
    {why: '业务编号', query: {processInstanceBusinessKey: text}},
    {why: '证书编号', query: {processDefinitionKey: CERTIFICATION_KEY,
      variables: [{name: 'certificateNumber', operator: 'eq', value: text}]}},
    {why: '申请编号', query: {processDefinitionKey: SUPERVISION_KEY,
      variables: [{name: 'applicationNumber', operator: 'eq', value: text}]}}
  ];
  const partial = [
    {why: '业务编号包含', query: {processInstanceBusinessKeyLike: `%${text}%`}},
    {why: '证书编号包含', query: {processDefinitionKey: CERTIFICATION_KEY,
      variables: [{name: 'certificateNumber', operator: 'like', value: `%${text}%`}]}},
    // the case's identifiers and names, upper-cased (tasks/CaseCard): space, operator, credit code
    {why: '名称或信用代码包含', query: {
      variables: [{name: 'searchText', operator: 'like', value: `%${text.toUpperCase()}%`}]}}
  ];
  const run = async searches => {
    const found = new Map();
    const pages = await Promise.all(searches.map(search => client.query('/history/process-instance',
      {...search.query, sorting: [{sortBy: 'startTime', sortOrder: 'desc'}]}, {firstResult: 0, maxResults: MAX_RESULTS})
      .then(list => list.map(instance => ({instance, why: search.why})))));
    for (const {instance, why} of pages.flat()) {
      if (!found.has(instance.id)) {
        found.set(instance.id, {instance, why});
      }
    }
    return [...found.values()];
  };
  const hits = await run(exact);
  return hits.length ? {hits, partial: false} : {hits: await run(partial), partial: true};
}

async function withVariables(client, hits) {
  if (!hits.length) {
    return new Map();
  }
  const variables = await client.query('/history/variable-instance', {
    processInstanceIdIn: hits.map(hit => hit.instance.id),
    variableNameIn: ['outcome', 'spaceName', 'county', 'certificateNumber', 'applicationNumber']
  }, {deserializeValues: false, maxResults: 1000});
  const byInstance = new Map();
  for (const variable of variables) {
    const vars = byInstance.get(variable.processInstanceId) || {};
    if (!(variable.name in vars) || variable.activityInstanceId === variable.processInstanceId) {
      vars[variable.name] = variable.value;
    }
    byInstance.set(variable.processInstanceId, vars);
  }
  return byInstance;
}

/** Renders the search form and its results into container; returns nothing. */
export function renderSearch(container, api, {autofocus = false} = {}) {
  const client = new EngineClient(api);
  const results = h('div', {className: 'audit-search-results'});
  const input = h('input', {type: 'search', className: 'form-control audit-search-input', autofocus,
    placeholder: '申请编号、证书编号、众创空间或运营机构名称、信用代码'});
  let request = 0;

  const search = async () => {
    const text = input.value.trim();
    if (!text) {
      replace(results, h('p', {className: 'audit-muted'}, '请输入编号、名称或信用代码。'));
      return;
    }
    const mine = ++request;
    replace(results, loading('正在查找…'));
    try {
      const {hits, partial} = await find(client, text);
      const variables = await withVariables(client, hits);
      if (mine !== request) {
        return;
      }
      if (!hits.length) {
        replace(results, h('p', {className: 'audit-muted audit-empty'}, `没有找到与“${text}”相关的认定或年度管理流程。`));
        return;
      }
      replace(results,
        partial ? h('p', {className: 'audit-muted'}, `没有完全相同的编号，以下为编号、名称或信用代码包含“${text}”的结果（最多 ${MAX_RESULTS} 个）：`) : '',
        table(['流程', '业务编号', '众创空间', '区县', '办理结果', '状态', '开始时间', '结束时间', '匹配方式', ''],
          hits.map(({instance, why}) => {
            const vars = variables.get(instance.id) || {};
            return h('tr', {dataset: {instanceId: instance.id}},
              h('td', null, PROCESS_NAMES[instance.processDefinitionKey] || instance.processDefinitionName
                || instance.processDefinitionKey),
              h('td', null, h('strong', null, instance.businessKey || '')),
              h('td', null, vars.spaceName || ''),
              h('td', null, countyLabel(vars.county)),
              h('td', null, vars.outcome ? h('span', {
                className: `audit-outcome audit-outcome-${String(vars.outcome).toLowerCase()}`
              }, outcomeLabel(vars.outcome)) : ''),
              h('td', null, label(INSTANCE_STATES, instance.state)),
              h('td', {className: 'audit-time'}, dateTime(instance.startTime)),
              h('td', {className: 'audit-time'}, dateTime(instance.endTime)),
              h('td', {className: 'audit-muted'}, why),
              h('td', null, h('a', {
                href: historyLink(instance.id), className: 'btn btn-default btn-xs audit-open-history'
              }, '查看历史')));
          }), 'audit-search-table'));
    } catch (error) {
      if (mine === request) {
        replace(results, alertBox('danger', error.message));
      }
    }
  };

  container.appendChild(h('div', {className: 'audit-search'},
    h('form', {className: 'audit-search-form', onSubmit: event => {
      event.preventDefault();
      search();
    }}, h('div', {className: 'input-group'}, input,
      h('span', {className: 'input-group-btn'},
        h('button', {type: 'submit', className: 'btn btn-primary audit-search-submit'},
          h('span', {className: 'glyphicon glyphicon-search'}), ' 查找')))),
    results));
}
