import { test } from 'node:test';
import assert from 'node:assert/strict';

const { BATCH_REFUSED, GUARDED, accessOf, batchPageTemplate, guardedProvider } = await import(new URL(
  '../../main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts/actions/plugin.js', import.meta.url).href);

test("each of Cockpit's changing actions is kept only while the user holds its right", () => {
  const cancel = { id: 'cancel-process-instance-action', template: '<a>删除</a>' };
  assert.equal(guardedProvider('cockpit.processInstance.runtime.action', cancel).template,
    '<span ng-if="$root.msCockpitAccess.administersEngine"><a>删除</a></span>');
  const retry = { id: 'increase-incident-job-retry', template: '<a></a>' };
  assert.match(guardedProvider('cockpit.incident.action', retry).template, /msCockpitAccess\.controlsProcesses/);
  for (const [component, actions] of Object.entries(GUARDED)) {
    for (const [id, right] of Object.entries(actions)) {
      assert.ok(['changesCaseData', 'controlsProcesses', 'administersEngine'].includes(right), `${component} ${id}`);
    }
  }
});

test('any other view stays as Camunda renders it', () => {
  const tab = { id: 'jobs-tab', template: '<div></div>' };
  assert.equal(guardedProvider('cockpit.processInstance.runtime.tab', tab), tab);
  const elsewhere = { id: 'cancel-process-instance-action', template: '<a></a>' };
  assert.equal(guardedProvider('cockpit.processDefinition.runtime.tab', elsewhere), elsewhere);
  assert.equal(guardedProvider('cockpit.processInstance.runtime.action', null), null);
});

test("the variables tab edits only for those who may change case data", () => {
  const tab = { id: 'variables-tab', template: `<div cam-widget-variables-table cam-editable="['type', 'value']"></div>` };
  assert.equal(guardedProvider('cockpit.processInstance.runtime.tab', tab).template,
    '<div cam-widget-variables-table cam-editable="$root.msCockpitAccess.editableVariables"></div>');
  assert.deepEqual(accessOf({ changesCaseData: true }).editableVariables, ['type', 'value']);
  assert.deepEqual(accessOf({ changesCaseData: false }).editableVariables, []);
  assert.deepEqual(accessOf({}).editableVariables, []);
});

test("the header menu's 批处理 entry is accessible only while the answer grants administersEngine", () => {
  let access = accessOf({}, false);
  const batch = { id: 'batch', label: 'COCKPIT_BATCHES', pagePath: '#/batch', priority: -5 };
  const entry = guardedProvider('cockpit.navigation', batch, () => access);
  entry.accessible = true; // Cockpit's header sets it once; the answer decides
  entry.template = '<a ng-href="#/batch"></a>'; // and writes its template
  assert.equal(entry.accessible, false);
  access = accessOf({ administersEngine: true });
  assert.equal(entry.accessible, true);
  access = accessOf({ changesCaseData: true, controlsProcesses: true });
  assert.equal(entry.accessible, false);
  assert.equal(entry.pagePath, '#/batch');
  const deployments = { id: 'deployments', pagePath: '#/repository' };
  assert.equal(guardedProvider('cockpit.navigation', deployments, () => access), deployments);
});

test('the batches page: Camunda\'s own for the administrator, the Chinese notice for anyone else once answered', () => {
  const page = batchPageTemplate('<div class="batch-wrapper"></div>');
  assert.match(page, /<div ng-if="\$root\.msCockpitAccess\.administersEngine"><div class="batch-wrapper"><\/div><\/div>$/);
  assert.ok(page.includes('ng-if="$root.msCockpitAccess.answered && !$root.msCockpitAccess.administersEngine"'));
  assert.ok(page.includes(BATCH_REFUSED));
  assert.match(BATCH_REFUSED, /只有系统管理员可以执行批量操作/);
  assert.equal(accessOf({}, false).answered, false);
  assert.equal(accessOf({}).answered, true);
});
