// Loads everything history holds about one process instance (read-only queries only).

import {versionFromId} from './format.js';

/** Settles a promise into {value} or {error} so that one failing section does not hide the others. */
async function settle(promise) {
  try {
    return {value: await promise};
  } catch (error) {
    return {error};
  }
}

async function activityInstances(client, processInstanceId) {
  const result = [];
  const sorting = [{sortBy: 'startTime', sortOrder: 'asc'}, {sortBy: 'occurrence', sortOrder: 'asc'}];
  for (let first = 0; ; first += 500) {
    const page = await client.query('/history/activity-instance', {processInstanceId, sorting},
      {firstResult: first, maxResults: 500});
    result.push(...page);
    if (page.length < 500) {
      return result;
    }
  }
}

/** Comments and attachments of every task of the instance (historic tasks included). */
async function taskNotes(client, instance, tasks) {
  const comments = new Map();
  const attachments = [];
  await Promise.all(tasks.map(async task => {
    const [taskComments, taskAttachments] = await Promise.all([
      client.get(`/task/${encodeURIComponent(task.id)}/comment`).catch(() => []),
      client.get(`/task/${encodeURIComponent(task.id)}/attachment`).catch(() => [])
    ]);
    for (const comment of taskComments || []) {
      comments.set(comment.id, comment);
    }
    for (const attachment of taskAttachments || []) {
      attachments.push(attachment);
    }
  }));
  if (!instance.endTime) {
    const instanceComments = await client.get(`/process-instance/${encodeURIComponent(instance.id)}/comment`)
      .catch(() => []);
    for (const comment of instanceComments || []) {
      comments.set(comment.id, comment);
    }
  }
  const byTime = (a, b) => String(a.time || a.createTime).localeCompare(String(b.time || b.createTime));
  return {comments: [...comments.values()].sort(byTime), attachments: attachments.sort(byTime)};
}

/** Versions of the decision definitions that were evaluated (version, version tag, name). */
async function decisionDefinitions(client, decisions) {
  const ids = [...new Set(decisions.map(d => d.decisionDefinitionId).filter(Boolean))];
  const byId = new Map();
  if (ids.length) {
    try {
      const definitions = await client.get('/decision-definition', {decisionDefinitionIdIn: ids.join(',')});
      for (const definition of definitions) {
        byId.set(definition.id, definition);
      }
    } catch (e) {
      // fall back to the version encoded in the id below
    }
  }
  for (const id of ids) {
    if (!byId.has(id)) {
      byId.set(id, {id, version: versionFromId(id), versionTag: null, name: null});
    }
  }
  return byId;
}

async function linkedInstance(client, processInstanceId) {
  if (!processInstanceId) {
    return null;
  }
  return client.optional(`/history/process-instance/${encodeURIComponent(processInstanceId)}`);
}

/** Everything about one historic process instance; throws only when the instance itself is missing. */
export async function loadInstance(client, processInstanceId) {
  const id = encodeURIComponent(processInstanceId);
  const instance = await client.get(`/history/process-instance/${id}`);
  const definitionId = encodeURIComponent(instance.processDefinitionId);

  const [definition, xml, activities, tasks, variables, details, decisions, operations, incidents, subInstances] =
    await Promise.all([
      settle(client.get(`/process-definition/${definitionId}`)),
      settle(client.get(`/process-definition/${definitionId}/xml`)),
      settle(activityInstances(client, instance.id)),
      settle(client.all('/history/task', {processInstanceId: instance.id})),
      settle(client.all('/history/variable-instance', {processInstanceId: instance.id, deserializeValues: false})),
      settle(client.all('/history/detail', {
        processInstanceId: instance.id, variableUpdates: true, deserializeValues: false,
        sortBy: 'time', sortOrder: 'asc'
      })),
      settle(client.all('/history/decision-instance', {
        processInstanceId: instance.id, includeInputs: true, includeOutputs: true,
        disableBinaryFetching: true, disableCustomObjectDeserialization: true,
        sortBy: 'evaluationTime', sortOrder: 'asc'
      })),
      settle(client.all('/history/user-operation', {
        processInstanceId: instance.id, sortBy: 'timestamp', sortOrder: 'asc'
      })),
      settle(client.all('/history/incident', {processInstanceId: instance.id})),
      settle(client.all('/history/process-instance', {superProcessInstanceId: instance.id}))
    ]);

  const variableValue = name => {
    const all = (variables.value || []).filter(v => v.name === name);
    const top = all.find(v => v.activityInstanceId === instance.id) || all[0];
    return top ? top.value : null;
  };

  const [notes, definitionsById, supervision, certification, superInstance] = await Promise.all([
    settle(taskNotes(client, instance, tasks.value || [])),
    decisionDefinitions(client, decisions.value || []),
    settle(linkedInstance(client, variableValue('supervisionInstanceId'))),
    settle(linkedInstance(client, variableValue('certificationInstanceId'))),
    settle(linkedInstance(client, instance.superProcessInstanceId))
  ]);

  return {
    instance, definition, xml, activities, tasks, variables, details, decisions, decisionDefinitions: definitionsById,
    operations, incidents, subInstances, notes, variableValue,
    linked: {supervision, certification, superInstance}
  };
}
