// The historic instance page (#/process-instance/{id}/history): diagram with the path taken,
// timeline, variables and their changes, decisions with versions, user operation log, comments,
// the applicant's materials (every submitted version, from /api/materials), and the linked
// certification / supervision instance.

import {EngineClient} from './api.js';
import {alertBox, append, h, loading, replace, table} from './dom.js';
import {between, clauseValue, dateTime, duration, value as formatValue} from './format.js';
import {
  ACTIVITY_TYPES, ENTITY_TYPES, INSTANCE_STATES, OPERATION_CATEGORIES, OPERATION_PROPERTIES, OPERATION_TYPES,
  PROCESS_NAMES,
  REVOCATION_REASONS, VARIABLE_MEANINGS, VARIABLE_TYPES, DECISION_NAMES, countyLabel, label, outcomeLabel
} from './labels.js';
import {loadInstance} from './instance-data.js';
import {keepRouteOnSearchChange, renderDiagram} from './diagram.js';

export const ROUTE_PATH = '/process-instance/:id/history';

export function historyLink(processInstanceId) {
  return `#/process-instance/${encodeURIComponent(processInstanceId)}/history`;
}

/** The 历史 tab of a process definition (definition-tab.js) inside Camunda's definition page. */
export function definitionHistoryLink(processDefinitionId) {
  return `#/process-definition/${encodeURIComponent(processDefinitionId)}/runtime?detailsTab=audit-history-tab`;
}

function routeParams() {
  const hash = window.location.hash || '';
  const match = hash.match(/^#\/process-instance\/([^/?]+)\/history/);
  const query = new URLSearchParams(hash.includes('?') ? hash.substring(hash.indexOf('?') + 1) : '');
  return {
    id: match ? decodeURIComponent(match[1]) : null,
    activityId: (query.get('activityIds') || '').split(',').filter(Boolean)[0] || null
  };
}

function processName(instance, definition) {
  return (definition && definition.name) || PROCESS_NAMES[instance.processDefinitionKey]
    || instance.processDefinitionName || instance.processDefinitionKey;
}

function instanceLink(instance, text) {
  if (!instance) {
    return '';
  }
  return h('a', {href: historyLink(instance.id), className: 'audit-instance-link'},
    text || `${PROCESS_NAMES[instance.processDefinitionKey] || instance.processDefinitionKey} `
      + `${instance.businessKey || instance.id}`);
}

function failed(result, what) {
  return alertBox('danger', `${what}加载失败：${result.error && result.error.message}`);
}

function user(names, userId) {
  if (!userId) {
    return '';
  }
  const name = names.get(userId);
  return h('span', {className: 'audit-user', title: userId}, name && name !== userId ? `${name}（${userId}）` : userId);
}

/** Variable types whose values are structures: their keys are identifiers. */
const STRUCTURED_TYPES = new Set(['Json', 'Xml', 'Object']);

/** A variable's (or a change's) value; a structure is shown as code. */
function shownValue(variable) {
  const text = longText(formatValue(variable));
  const structured = STRUCTURED_TYPES.has(variable.type || variable.variableType)
    || (variable.value !== null && typeof variable.value === 'object');
  return structured ? h('code', null, text) : text;
}

/** Long values (JSON, text) shortened with a toggle. */
function longText(text) {
  const full = text === null || text === undefined ? '' : String(text);
  if (full.length <= 160) {
    return h('span', {className: 'audit-value'}, full);
  }
  const shown = h('span', {className: 'audit-value'}, full.substring(0, 160) + '…');
  let open = false;
  const toggle = h('a', {href: '', className: 'audit-toggle', onClick: event => {
    event.preventDefault();
    open = !open;
    replace(shown, open ? full : full.substring(0, 160) + '…');
    replace(toggle, open ? '收起' : '展开');
  }}, '展开');
  return h('span', null, shown, ' ', toggle);
}

function status(instance) {
  const state = label(INSTANCE_STATES, instance.state);
  const kind = instance.endTime ? 'default' : 'info';
  return h('span', {className: `label label-${kind}`}, state || (instance.endTime ? '已结束' : '运行中'));
}

/** The facts of the instance and its links. */
function summary(data, names, activityName) {
  const {instance} = data;
  const definition = data.definition.value;
  const outcome = data.variableValue('outcome');
  const reason = data.variableValue('outcomeReason') || data.variableValue('revocationReason');
  const rows = [];
  const row = (term, ...description) => rows.push(h('div', {className: 'audit-fact'},
    h('div', {className: 'audit-fact-term'}, term), h('div', {className: 'audit-fact-value'}, ...description)));

  row('流程', definition
    ? h('a', {href: definitionHistoryLink(definition.id)},
      `${processName(instance, definition)}（版本 ${definition.version}）`)
    : processName(instance, definition));
  row('业务编号', h('strong', {className: 'audit-business-key'}, instance.businessKey || '—'));
  const spaceName = data.variableValue('spaceName');
  if (spaceName) {
    row('众创空间', spaceName);
  }
  const county = data.variableValue('county');
  if (county) {
    row('所在区县', countyLabel(county));
  }
  const certificate = data.variableValue('certificateNumber');
  if (certificate && certificate !== instance.businessKey) {
    row('证书编号', certificate);
  }
  row('状态', status(instance));
  if (outcome) {
    row('办理结果', h('span', {className: `audit-outcome audit-outcome-${String(outcome).toLowerCase()}`},
      outcomeLabel(outcome)));
  }
  if (reason) {
    row('结果说明', label(REVOCATION_REASONS, reason));
  }
  row('发起人', user(names, instance.startUserId) || '—');
  row('开始时间', dateTime(instance.startTime));
  row('结束时间', instance.endTime ? dateTime(instance.endTime) : '—');
  row('耗时', duration(instance.durationInMillis !== null && instance.durationInMillis !== undefined
    ? instance.durationInMillis : between(instance.startTime)));
  if (instance.endActivityId) {
    row('结束于', activityName(instance.endActivityId));
  }
  if (instance.deleteReason) {
    row('终止原因', instance.deleteReason);
  }
  const supervision = data.linked.supervision.value;
  if (supervision) {
    row('年度管理流程', instanceLink(supervision));
  }
  const certification = data.linked.certification.value;
  if (certification) {
    row('认定流程', instanceLink(certification));
  }
  const superInstance = data.linked.superInstance.value;
  if (superInstance) {
    row('上级流程', instanceLink(superInstance));
  }
  for (const sub of data.subInstances.value || []) {
    row('子流程', instanceLink(sub));
  }
  if (!instance.endTime) {
    const runtime = `#/process-instance/${encodeURIComponent(instance.id)}/runtime`;
    row('运行时视图', h('a', {href: runtime}, '查看当前运行状态'));
  }
  row('实例编号', h('code', null, instance.id));
  return h('div', {className: 'audit-summary'}, rows);
}

function activityStatus(activity) {
  if (!activity.endTime) {
    return h('span', {className: 'label label-info'}, '进行中');
  }
  if (activity.canceled) {
    return h('span', {className: 'label label-warning'}, '已取消');
  }
  return h('span', {className: 'label label-success'}, '已完成');
}

/** Every activity instance in order, with who completed each user task and when. */
function timeline(data, names, selection) {
  if (data.activities.error) {
    return failed(data.activities, '活动记录');
  }
  const completions = new Map();
  for (const entry of data.operations.value || []) {
    if (entry.operationType === 'Complete' && entry.taskId && entry.entityType === 'Task') {
      completions.set(entry.taskId, entry);
    }
  }
  const decisionsByActivity = new Map();
  for (const decision of data.decisions.value || []) {
    const key = decision.activityInstanceId;
    decisionsByActivity.set(key, (decisionsByActivity.get(key) || 0) + 1);
  }
  const activities = data.activities.value.filter(a => a.activityType !== 'multiInstanceBody')
    .filter(a => !selection.activityId || a.activityId === selection.activityId);
  const rows = activities.map((activity, index) => {
    const completion = activity.taskId ? completions.get(activity.taskId) : null;
    const extras = [];
    if (activity.calledProcessInstanceId) {
      extras.push(h('a', {href: historyLink(activity.calledProcessInstanceId)}, '被调用的流程'));
    }
    if (decisionsByActivity.has(activity.id)) {
      extras.push(h('span', {className: 'audit-muted'}, `评估决策 ${decisionsByActivity.get(activity.id)} 个`));
    }
    return h('tr', {className: activity.activityType === 'userTask' ? 'audit-user-task' : '',
      dataset: {activityId: activity.activityId}},
    h('td', {className: 'audit-number'}, String(index + 1)),
    h('td', null, h('strong', null, activity.activityName || activity.activityId)),
    h('td', null, label(ACTIVITY_TYPES, activity.activityType)),
    h('td', {className: 'audit-time'}, dateTime(activity.startTime)),
    h('td', {className: 'audit-time'}, dateTime(activity.endTime)),
    h('td', null, duration(activity.durationInMillis !== null && activity.durationInMillis !== undefined
      ? activity.durationInMillis : (activity.endTime ? null : between(activity.startTime)))),
    h('td', null, activity.activityType === 'userTask' ? user(names, activity.assignee) || '（未指派）' : ''),
    h('td', null, completion ? user(names, completion.userId) : ''),
    h('td', {className: 'audit-time'}, completion ? dateTime(completion.timestamp) : ''),
    h('td', null, activityStatus(activity), ' ', extras));
  });
  return table(['#', '活动', '类型', '开始时间', '结束时间', '耗时', '处理人', '完成人', '完成时间', '状态'],
    rows, 'audit-timeline');
}

/** Variables with their current values and every change (historic details). */
function variables(data, names, activityName) {
  if (data.variables.error) {
    return failed(data.variables, '变量');
  }
  const {instance} = data;
  const activitiesById = new Map((data.activities.value || []).map(a => [a.id, a]));
  const tasksById = new Map((data.tasks.value || []).map(t => [t.id, t]));
  const operationsById = new Map();
  for (const entry of data.operations.value || []) {
    if (entry.operationId && !operationsById.has(entry.operationId)) {
      operationsById.set(entry.operationId, entry);
    }
  }
  const changes = new Map();
  for (const detail of data.details.value || []) {
    if (!changes.has(detail.variableInstanceId)) {
      changes.set(detail.variableInstanceId, []);
    }
    changes.get(detail.variableInstanceId).push(detail);
  }
  const scope = variable => {
    if (variable.taskId && tasksById.has(variable.taskId)) {
      return `任务：${tasksById.get(variable.taskId).name}`;
    }
    if (!variable.activityInstanceId || variable.activityInstanceId === instance.id) {
      return '流程实例';
    }
    const activity = activitiesById.get(variable.activityInstanceId);
    return activity ? `活动：${activity.activityName || activity.activityId}` : variable.activityInstanceId;
  };
  const source = detail => {
    if (detail.taskId && tasksById.has(detail.taskId)) {
      return `任务：${tasksById.get(detail.taskId).name}`;
    }
    const activity = activitiesById.get(detail.activityInstanceId);
    if (activity) {
      return activity.activityName || activity.activityId;
    }
    return detail.activityInstanceId === instance.id ? '流程启动' : '';
  };

  const filter = h('input', {type: 'search', className: 'form-control input-sm audit-variable-filter',
    placeholder: '按变量名或含义筛选'});
  const body = h('tbody');
  const list = [...data.variables.value].sort((a, b) =>
    String(a.createTime).localeCompare(String(b.createTime)) || a.name.localeCompare(b.name));

  const draw = () => {
    const text = filter.value.trim().toLowerCase();
    const rows = [];
    for (const variable of list) {
      const meaning = VARIABLE_MEANINGS[variable.name] || '';
      if (text && !variable.name.toLowerCase().includes(text) && !meaning.includes(text)) {
        continue;
      }
      const history = changes.get(variable.id) || [];
      const historyBody = h('tbody', null, history.map((detail, index) => {
        const operation = detail.userOperationId ? operationsById.get(detail.userOperationId) : null;
        return h('tr', null,
          h('td', {className: 'audit-number'}, String(index + 1)),
          h('td', {className: 'audit-time'}, dateTime(detail.time)),
          h('td', null, shownValue(detail)),
          h('td', null, label(VARIABLE_TYPES, detail.variableType)),
          h('td', null, source(detail)),
          h('td', null, operation ? user(names, operation.userId) : ''));
      }));
      const historyRow = h('tr', {className: 'audit-variable-history', style: {display: 'none'}},
        h('td', {colspan: '7'},
          history.length
            ? h('table', {className: 'table table-condensed audit-subtable'},
              h('thead', null, h('tr', null, ['#', '时间', '值', '类型', '来源', '操作人'].map(t => h('th', null, t)))),
              historyBody)
            : h('span', {className: 'audit-muted'}, '没有变更记录。')));
      const toggle = h('a', {href: '', className: 'audit-toggle', onClick: event => {
        event.preventDefault();
        const open = historyRow.style.display === 'none';
        historyRow.style.display = open ? '' : 'none';
        replace(toggle, open ? `收起（${history.length}）` : `变更记录（${history.length}）`);
      }}, `变更记录（${history.length}）`);
      rows.push(h('tr', {dataset: {variable: variable.name}},
        h('td', null, h('code', null, variable.name), meaning ? h('div', {className: 'audit-muted'}, meaning) : ''),
        h('td', null, label(VARIABLE_TYPES, variable.type)),
        h('td', null, shownValue(variable)),
        h('td', null, scope(variable)),
        h('td', {className: 'audit-time'}, dateTime(variable.createTime)),
        h('td', null, variable.state === 'DELETED' ? h('span', {className: 'label label-default'}, '已删除') : ''),
        h('td', null, toggle)), historyRow);
    }
    replace(body, rows.length ? rows : h('tr', null, h('td', {colspan: '7'}, '没有符合条件的变量。')));
  };
  filter.addEventListener('input', draw);
  draw();
  return h('div', null,
    h('div', {className: 'audit-toolbar'}, filter,
      h('span', {className: 'audit-muted'}, `共 ${list.length} 个变量；展开“变更记录”可查看每次赋值的时间、值与操作人。`)),
    h('table', {className: 'table table-condensed audit-table audit-variables'},
      h('thead', null, h('tr', null, ['变量', '类型', '最后的值', '作用域', '创建时间', '', ''].map(t => h('th', null, t)))),
      body));
}

/** Every decision evaluated, with key, name, version, inputs and outputs. */
function decisions(data, activityName) {
  if (data.decisions.error) {
    return failed(data.decisions, '决策记录');
  }
  if (!data.decisions.value.length) {
    return h('p', {className: 'audit-muted'}, '该流程实例没有评估过决策。');
  }
  const overview = table(['评估时间', '决策', '键', '版本', '所在活动', '命中规则'],
    data.decisions.value.map(decision => {
      const definition = data.decisionDefinitions.get(decision.decisionDefinitionId) || {};
      const hits = new Set((decision.outputs || []).map(output => output.ruleId)).size;
      return h('tr', {dataset: {decisionKey: decision.decisionDefinitionKey}},
        h('td', {className: 'audit-time'}, dateTime(decision.evaluationTime)),
        h('td', null, decision.decisionDefinitionName || definition.name
          || DECISION_NAMES[decision.decisionDefinitionKey] || decision.decisionDefinitionKey),
        h('td', null, h('code', null, decision.decisionDefinitionKey)),
        h('td', null, h('span', {className: 'label label-info audit-overview-version'},
          definition.version ? `版本 ${definition.version}` : '版本未知')),
        h('td', null, activityName(decision.activityId)),
        h('td', null, `${hits} 条`));
    }), 'audit-decision-overview');
  return h('div', null, h('h4', null, '决策概览'), overview, h('h4', null, '输入与输出'),
    data.decisions.value.map(decision => decisionPanel(data, decision, activityName)));
}
/** One decision evaluation: name, key, version, inputs, outputs per matched rule. */
function decisionPanel(data, decision, activityName) {
  const definition = data.decisionDefinitions.get(decision.decisionDefinitionId) || {};
  const name = decision.decisionDefinitionName || definition.name || DECISION_NAMES[decision.decisionDefinitionKey]
    || decision.decisionDefinitionKey;
  const rules = new Map();
  for (const output of decision.outputs || []) {
    const key = output.ruleId || '';
    if (!rules.has(key)) {
      rules.set(key, {ruleId: output.ruleId, ruleOrder: output.ruleOrder, outputs: []});
    }
    rules.get(key).outputs.push(output);
  }
  return h('div', {
    className: 'panel panel-default audit-decision', dataset: {decisionKey: decision.decisionDefinitionKey}
  },
    h('div', {className: 'panel-heading'},
      h('strong', null, name), ' ',
      h('code', null, decision.decisionDefinitionKey), ' ',
      h('span', {className: 'label label-info audit-decision-version'},
        definition.version ? `版本 ${definition.version}` : '版本未知'),
      definition.versionTag ? h('span', {className: 'label label-default'}, `标签 ${definition.versionTag}`) : '',
      h('span', {className: 'pull-right audit-muted'},
        `${dateTime(decision.evaluationTime)} · ${activityName(decision.activityId)} · `,
        h('a', {href: `#/decision-instance/${encodeURIComponent(decision.id)}`}, '决策实例'))),
    h('div', {className: 'panel-body'},
      h('div', {className: 'row'},
        h('div', {className: 'col-md-6'},
          h('h5', null, '输入'),
          (decision.inputs || []).length
            ? table(['输入项', '值'], decision.inputs.map(input => h('tr', null,
              h('td', null, input.clauseName || input.clauseId), h('td', null, longText(clauseValue(input))))))
            : h('p', {className: 'audit-muted'}, '无输入')),
        h('div', {className: 'col-md-6'},
          h('h5', null, `输出（命中规则 ${rules.size} 条）`),
          rules.size
            ? table(['规则', '输出项', '值'], [...rules.values()].flatMap(rule => rule.outputs.map((output, i) =>
              h('tr', null,
                h('td', null, i === 0 ? `第 ${rule.ruleOrder} 条` : ''),
                h('td', null, output.clauseName || output.variableName),
                h('td', null, longText(clauseValue(output)))))))
            : h('p', {className: 'audit-muted'}, '没有命中的规则（结果为空）。')))));
}


/** An operation log value: booleans in Chinese, dates (logged as epoch milliseconds) as dates. */
function logValue(property, text) {
  if (text === 'true') {
    return '是';
  }
  if (text === 'false') {
    return '否';
  }
  if (/date|time/i.test(property || '') && /^\d{11,}$/.test(text || '')) {
    return dateTime(text);
  }
  return text;
}

/** The properties of the operation log whose values are users (claim, 转办, 委派, 交回). */
const PEOPLE_PROPERTIES = new Set(['assignee', 'owner']);

/** A value of the operation log: a person (assignee, owner) by name, else as logValue reads it. */
function logCell(names, property, value) {
  return PEOPLE_PROPERTIES.has(property) && value ? user(names, value) : longText(logValue(property, value));
}

/** The user operation log: claims, assignments, completions, variable changes; who and when. */
function operations(data, names) {
  if (data.operations.error) {
    return failed(data.operations, '操作日志');
  }
  const tasksById = new Map((data.tasks.value || []).map(t => [t.id, t]));
  const entries = data.operations.value;
  if (!entries.length) {
    return h('p', {className: 'audit-muted'}, '没有用户操作记录。');
  }
  return table(['时间', '操作人', '操作', '对象', '任务', '属性', '原值', '新值', '类别', '注释'],
    entries.map(entry => h('tr', {dataset: {operationType: entry.operationType}},
      h('td', {className: 'audit-time'}, dateTime(entry.timestamp)),
      h('td', null, user(names, entry.userId)),
      h('td', null, label(OPERATION_TYPES, entry.operationType)),
      h('td', null, label(ENTITY_TYPES, entry.entityType)),
      h('td', null, entry.taskId && tasksById.has(entry.taskId) ? tasksById.get(entry.taskId).name : ''),
      h('td', null, label(OPERATION_PROPERTIES, entry.property)),
      h('td', null, logCell(names, entry.property, entry.orgValue)),
      h('td', null, logCell(names, entry.property, entry.newValue)),
      h('td', null, label(OPERATION_CATEGORIES, entry.category)),
      h('td', null, entry.annotation || ''))), 'audit-operations');
}

/** A link to an attachment: its web address (http/https only) or its stored content. */
function attachmentLink(client, attachment) {
  if (attachment.url) {
    return /^https?:\/\//i.test(attachment.url)
      ? h('a', {href: attachment.url, target: '_blank', rel: 'noopener noreferrer'}, attachment.name || attachment.url)
      : h('span', {title: attachment.url}, attachment.name || attachment.url);
  }
  const content = `${client.base}/task/${encodeURIComponent(attachment.taskId)}/attachment/`
    + `${encodeURIComponent(attachment.id)}/data`;
  return h('a', {href: content, download: attachment.name || 'attachment'}, attachment.name || '下载');
}

function comments(data, names, client) {
  if (data.notes.error) {
    return failed(data.notes, '评论');
  }
  const tasksById = new Map((data.tasks.value || []).map(t => [t.id, t]));
  const taskName = taskId => (taskId && tasksById.has(taskId) ? tasksById.get(taskId).name : '');
  const {comments: list, attachments} = data.notes.value;
  const commentRows = list.map(comment => h('tr', null,
    h('td', {className: 'audit-time'}, dateTime(comment.time)),
    h('td', null, user(names, comment.userId)),
    h('td', null, taskName(comment.taskId) || '流程实例'),
    h('td', {className: 'audit-comment'}, comment.message)));
  const attachmentRows = attachments.map(attachment => h('tr', null,
    h('td', {className: 'audit-time'}, dateTime(attachment.createTime)),
    h('td', null, taskName(attachment.taskId)),
    h('td', null, attachmentLink(client, attachment)),
    h('td', null, attachment.description || ''),
    h('td', null, attachment.type || '')));
  return h('div', null,
    list.length
      ? table(['时间', '用户', '任务', '内容'], commentRows, 'audit-comments')
      : h('p', {className: 'audit-muted'}, '没有评论。'),
    attachments.length
      ? [h('h4', null, '附件'), table(['时间', '任务', '名称', '说明', '类型'], attachmentRows, 'audit-attachments')]
      : '');
}

/**
 * The case's submitted materials (every version) and the evidence files of the public's objections to it
 * (city bureau and auditors read them), from our API with the Cockpit session: read once per page, for
 * the tab 申报材料 and its count. Each is a promise of the list, or of the Error that refused it.
 */
function caseFiles(instance) {
  const read = path => fetch(`${path}?caseNumber=${encodeURIComponent(instance.businessKey || '')}`,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(async response => {
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new Error((body && (body.detail || body.message)) || `HTTP ${response.status}`);
      }
      return body;
    })
    .catch(error => error);
  return {materials: read('/api/materials'), evidence: read('/api/objection-evidence')};
}

/** The number the tab 申报材料 shows: files of both lists, '—' when one could not be read. */
async function fileCount(files) {
  const lists = await Promise.all([files.materials, files.evidence]);
  return lists.some(list => !Array.isArray(list)) ? '—' : String(lists[0].length + lists[1].length);
}

function materials(files) {
  const box = h('div', {className: 'audit-materials'}, loading());
  files.materials.then(list => replace(box, !Array.isArray(list)
    ? alertBox('danger', `申报材料读取失败：${list.message}`)
    : list.length ? table(['材料', '版本', '文件', '大小（字节）', '提交时间', 'SHA-256', '预览'],
      list.map(f => h('tr', null,
        h('td', null, f.materialName), h('td', null, `第${f.version}版`),
        h('td', null, h('a', {href: f.downloadUrl, className: 'audit-material-download'}, f.fileName)),
        h('td', null, String(f.size)), h('td', {className: 'audit-time'}, dateTime(f.submittedAt)),
        h('td', null, h('code', null, f.sha256)),
        h('td', null, h('a', {href: f.previewUrl, target: '_blank', rel: 'noopener'}, '预览')))), 'audit-materials-table')
      : h('p', {className: 'audit-muted'}, '没有已提交的申报材料。')));
  return box;
}

function objectionEvidence(files) {
  const box = h('div', {className: 'audit-evidence'}, loading());
  files.evidence.then(list => replace(box, !Array.isArray(list)
    ? alertBox('danger', `异议证据材料读取失败：${list.message}`)
    : list.length ? [h('h4', null, '公示异议证据材料'),
      table(['异议受理编号', '文件', '大小（字节）', '收到时间', 'SHA-256'], list.map(f => h('tr', null,
        h('td', null, f.acknowledgementNumber),
        h('td', null, h('a', {href: f.downloadUrl, className: 'audit-evidence-download'}, f.fileName)),
        h('td', null, String(f.size)), h('td', {className: 'audit-time'}, dateTime(f.receivedAt)),
        h('td', null, h('code', null, f.sha256)))), 'audit-evidence-table')] : ''));
  return box;
}

function incidents(data) {
  const list = data.incidents.value || [];
  if (!list.length) {
    return '';
  }
  return h('div', {className: 'alert alert-warning audit-incidents'},
    h('strong', null, `故障事件 ${list.length} 个：`),
    h('ul', null, list.map(incident => h('li', null,
      `${dateTime(incident.createTime)} ${incident.activityId || ''} ${incident.incidentMessage || incident.incidentType}`
        + (incident.resolved ? '（已解决）' : incident.deleted ? '（已删除）' : '')))));
}

/**
 * User ids → name, for the people this case's history names (GET /api/history/process-instances/{id}/people:
 * auditors may not read user profiles from the engine). Ids only when that fails.
 */
async function userNames(instanceId) {
  const names = new Map();
  try {
    const response = await fetch(`/api/history/process-instances/${encodeURIComponent(instanceId)}/people`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.ok) {
      (await response.json()).forEach(person => names.set(person.id, person.label));
    }
  } catch (e) {
    // the page still shows the ids
  }
  return names;
}

let current = null;

export const instancePagePlugin = {
  id: 'audit-history-instance-page',
  pluginPoint: 'cockpit.route',
  priority: 0,
  properties: {path: ROUTE_PATH, label: '历史流程实例'},
  render(node, {api}, scope) {
    keepRouteOnSearchChange(ROUTE_PATH);
    const client = new EngineClient(api);
    const params = routeParams();
    const root = h('div', {className: 'audit-page'});
    node.appendChild(root);
    const state = {destroyDiagram: () => {}, alive: true};
    current = state;
    append(root, loading('正在加载历史流程实例…'));
    if (!params.id) {
      replace(root, alertBox('danger', '地址中缺少流程实例 ID。'));
      return;
    }
    loadInstance(client, params.id).then(async data => {
      if (!state.alive) {
        return;
      }
      const names = await userNames(data.instance.id);
      if (!state.alive) {
        return;
      }
      draw(root, data, names, params, scope, state, client);
    }).catch(error => {
      if (state.alive) {
        replace(root, alertBox(error.status === 404 ? 'warning' : 'danger',
          error.status === 404 ? `未找到流程实例 ${params.id} 的历史记录。` : error.message));
      }
    });
  },
  unmount() {
    if (current) {
      current.alive = false;
      current.destroyDiagram();
      current = null;
    }
  }
};

function draw(root, data, names, params, scope, state, client) {
  const {instance} = data;
  const definition = data.definition.value;
  const activityNames = new Map();
  for (const activity of data.activities.value || []) {
    activityNames.set(activity.activityId, activity.activityName || activity.activityId);
  }
  const activityName = id => activityNames.get(id) || id || '';
  document.title = `历史流程实例 ${instance.businessKey || instance.id} | 驾驶舱`;

  const selection = {activityId: params.activityId};
  const files = caseFiles(instance);
  const tabContent = h('div', {className: 'audit-tab-content'});
  const tabs = [
    {id: 'timeline', title: '活动时间线',
      count: (data.activities.value || []).filter(a => a.activityType !== 'multiInstanceBody').length,
      render: () => timeline(data, names, selection)},
    {id: 'variables', title: '变量', count: (data.variables.value || []).length,
      render: () => variables(data, names, activityName)},
    {id: 'decisions', title: '决策', count: (data.decisions.value || []).length,
      render: () => decisions(data, activityName)},
    {id: 'operations', title: '操作日志', count: (data.operations.value || []).length,
      render: () => operations(data, names)},
    {id: 'comments', title: '评论与附件', count: data.notes.value
      ? data.notes.value.comments.length + data.notes.value.attachments.length : 0,
    render: () => comments(data, names, client)},
    {id: 'materials', title: '申报材料', count: '…',
      render: () => h('div', null, materials(files), objectionEvidence(files))}
  ];
  let active = 'timeline';
  const tabBar = h('ul', {className: 'nav nav-tabs audit-tabs'});
  const selectionInfo = h('div', {className: 'audit-selection'});
  const show = id => {
    active = id;
    replace(tabBar, tabs.map(tab => h('li', {className: tab.id === active ? 'active' : ''},
      h('a', {href: '', dataset: {tab: tab.id}, onClick: event => {
        event.preventDefault();
        show(tab.id);
      }}, `${tab.title} `, h('span', {className: 'badge'}, String(tab.count))))));
    replace(selectionInfo, selection.activityId && active === 'timeline'
      ? h('span', {className: 'label label-info'}, `仅显示：${activityName(selection.activityId)} `,
        h('a', {href: '', className: 'audit-clear-selection', onClick: event => {
          event.preventDefault();
          selection.activityId = null;
          show('timeline');
        }}, '×'))
      : '');
    replace(tabContent, tabs.find(tab => tab.id === active).render());
  };

  const diagram = h('div', {className: 'audit-diagram'});
  replace(root,
    h('ol', {className: 'breadcrumb audit-breadcrumb'},
      h('li', null, h('a', {href: '#/dashboard'}, '仪表盘')),
      h('li', null, h('a', {href: '#/processes'}, '流程')),
      definition ? h('li', null, h('a', {href: definitionHistoryLink(definition.id)}, processName(instance, definition))) : '',
      h('li', {className: 'active'}, `历史实例 ${instance.businessKey || instance.id}`)),
    h('h2', {className: 'audit-title'}, '历史流程实例 ',
      h('small', null, `${processName(instance, definition)} · ${instance.businessKey || instance.id}`)),
    incidents(data),
    summary(data, names, activityName),
    diagram,
    h('p', {className: 'audit-legend audit-muted'},
      h('span', {className: 'audit-legend-visited'}), ' 实际经过的活动与连线　',
      h('span', {className: 'audit-count-badge'}, 'n'), ' 执行次数　',
      h('span', {className: 'audit-count-badge audit-count-running'}, 'n'), ' 其中仍在进行　点击图中的活动可筛选时间线'),
    tabBar, selectionInfo, tabContent);

  if (data.xml.value && data.xml.value.bpmn20Xml) {
    state.destroyDiagram = renderDiagram(diagram, scope, data.xml.value.bpmn20Xml, data.activities.value || [],
      activityId => {
        selection.activityId = activityId;
        show('timeline');
      });
  } else {
    append(diagram, failed(data.xml.error ? data.xml : {error: {message: '没有流程图'}}, '流程图'));
  }
  show('timeline');
  // the count of 申报材料 once both lists have answered (before: '…' for ever)
  fileCount(files).then(count => {
    tabs.find(tab => tab.id === 'materials').count = count;
    const badge = tabBar.querySelector('a[data-tab="materials"] .badge');
    if (badge) {
      badge.textContent = count;
    }
  });
}
