import { test } from 'node:test';
import assert from 'node:assert/strict';

const { recheck, formIn } = await import(
  new URL('../../main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/form-limits.js', import.meta.url));

/** A form-js Form as far as the script uses it: the inspection's two areas, its validator a stub. */
function inspectionForm(data, errors = {}) {
  const fields = {
    Field_total: { id: 'Field_total', key: 'measuredTotalArea', validate: { required: true, min: 0 } },
    Field_public: { id: 'Field_public', key: 'measuredPublicServiceArea',
      validate: { required: true, min: 0, max: '=measuredTotalArea' } },
  };
  const instances = Object.values(fields).map((field) => ({ id: field.id, instanceId: field.id, valuePath: [field.key] }));
  const updated = [];
  const services = {
    formFieldInstanceRegistry: { getAll: () => instances },
    formFieldRegistry: { get: (id) => fields[id] },
    expressionLanguage: { isExpression: (value) => typeof value === 'string' && value.startsWith('=') },
    validator: { validateFieldInstance: (instance, value) => (value > data.measuredTotalArea
      ? [`Field must have maximum value of ${data.measuredTotalArea}.`] : []) },
    viewerCommands: { updateFieldInstanceValidation: (instance, value) => updated.push([instance.id, value]) },
  };
  return { updated, form: { get: (name) => services[name], _getState: () => ({ data, errors }) } };
}

test('a field whose limit names another field is checked again when what is shown no longer holds', () => {
  const raised = inspectionForm({ measuredTotalArea: 800, measuredPublicServiceArea: 600 },
    { Field_public: ['Field must have maximum value of 500.'] });
  recheck(raised.form, 'Field_public');
  assert.deepEqual(raised.updated, [['Field_public', 600]], 'the refusal goes');

  const lowered = inspectionForm({ measuredTotalArea: 300, measuredPublicServiceArea: 600 });
  recheck(lowered.form, 'Field_public');
  assert.deepEqual(lowered.updated, [['Field_public', 600]], 'a refusal comes');
});

test('nothing changes when the shown outcome holds, for a field with fixed limits, or for an empty field', () => {
  const holds = inspectionForm({ measuredTotalArea: 800, measuredPublicServiceArea: 600 });
  recheck(holds.form, 'Field_public');
  assert.deepEqual(holds.updated, []);

  const fixed = inspectionForm({ measuredTotalArea: 800 });
  recheck(fixed.form, 'Field_total');
  assert.deepEqual(fixed.updated, []);

  // not yet typed in: no 此项为必填项 before the inspector reaches it
  const empty = inspectionForm({ measuredTotalArea: 800, measuredPublicServiceArea: null });
  recheck(empty.form, 'Field_public');
  assert.deepEqual(empty.updated, []);
});

test("the form is found through Preact's root in form-js's container", () => {
  const form = { name: 'form' };
  const provider = { props: { value: { getService: (name) => (name === 'form' ? form : null) } }, __k: [] };
  const container = { __k: { props: {}, __k: [{ props: {}, __k: [null, provider] }] } };
  assert.equal(formIn(container), form);
  assert.equal(formIn({ __k: { props: {}, __k: [{ props: {}, __k: [null] }] } }), null, 'before the schema is imported');
});
