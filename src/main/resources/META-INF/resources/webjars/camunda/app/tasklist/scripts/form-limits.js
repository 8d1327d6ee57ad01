// Limits that follow another field, in the Camunda Forms in Tasklist: 实测公共办公与服务场地面积 may not
// exceed 实测场地总面积 (validate.max "=measuredTotalArea", bpmn/forms/form-on-site-inspection.form).
// form-js 1.8.7 (bundled in the 7.24 webapp) checks a field only when its own value changes, so its
// refusal stayed after the total was raised, and none came when the total was lowered. Here, each
// time form-js takes a field in anew after the form's data changed (its field instance registry),
// a field whose limit is a FEEL expression is checked again, by form-js's own validator and command,
// the way its own change would be. An empty field is left alone: no 此项为必填项 before it is touched.
// The server checks the same limit when the task is completed (inspection/InspectionInputListener).

const EXPRESSION_LIMITS = ['min', 'max', 'minLength', 'maxLength'];

/** True when one of the field's limits is a FEEL expression (which may name other fields). */
export function limitFollowsData(field, expressionLanguage) {
  const limits = (field && !field.disabled && field.validate) || {};
  return EXPRESSION_LIMITS.some((limit) => expressionLanguage.isExpression(limits[limit]));
}

function isEmpty(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function valueAt(data, path) {
  return path.reduce((node, key) => (node === null || node === undefined ? undefined : node[key]), data);
}

/** Checks the field instance again, and shows the outcome when it differs from what is shown. */
export function recheck(form, instanceId) {
  const instance = form.get('formFieldInstanceRegistry').getAll().find((each) => each.instanceId === instanceId);
  const field = instance && form.get('formFieldRegistry').get(instance.id);
  if (!field || !limitFollowsData(field, form.get('expressionLanguage'))) {
    return;
  }
  const { data, errors } = form._getState();
  const value = valueAt(data, instance.valuePath);
  if (isEmpty(value)) {
    return;
  }
  const found = form.get('validator').validateFieldInstance(instance, value);
  const shown = valueAt(errors, [instance.id, ...Object.values(instance.indexes || {})]) || [];
  if (JSON.stringify(found) !== JSON.stringify(shown)) {
    form.get('viewerCommands').updateFieldInstanceValidation(instance, value);
  }
}

/**
 * The form-js Form that rendered into this container. Tasklist keeps it to itself; form-js renders
 * with Preact, whose root (the container's `__k`) holds form-js's FormContext, which gives the form.
 */
export function formIn(container) {
  const pending = [container.__k];
  while (pending.length) {
    const node = pending.shift();
    const context = node && node.props && node.props.value;
    if (context && typeof context.getService === 'function') {
      return context.getService('form', false);
    }
    if (node && Array.isArray(node.__k)) {
      pending.push(...node.__k);
    }
  }
  return null;
}

const watched = new WeakSet();

function watch(container) {
  const form = formIn(container);
  if (!form || watched.has(form)) {
    return;
  }
  watched.add(form);
  form.on('formFieldInstanceRegistry.changed', ({ instanceId, action }) => {
    if (action === 'added') {
      recheck(form, instanceId);
    }
  });
}

if (typeof document !== 'undefined') {
  new MutationObserver(() => document.querySelectorAll('.fjs-container').forEach(watch))
    .observe(document.body, { childList: true, subtree: true });
}

export default [];
