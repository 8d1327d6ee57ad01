// A small renderer of Camunda Forms (the bpmn/forms/*.form definitions staff forms use), for the
// applicant's tasks on the portal: the component types those forms use (text, group, textfield,
// textarea, number, checkbox, radio, select) and their conditions of the form
// `=a = null or a = ""`, `=a != "x"`, `=a = true`, `=a != true`. Read-only (disabled) fields show
// what the process holds; the writable fields that are not hidden are submitted (empty ones as
// null), as form-js does; {{name}} in a text is filled from the task's variables. What the applicant
// declared before (the annual report's last figures) is shown under a field as 上次填报, never filled in.
// Checking the values is the server's: its messages are shown at their fields by common/fields.js
// (each control has the key as its name; a radio group's fieldset carries it as data-field).

import { el, fill } from '/common/dom.js';
import { amount, dateTime, day, toDate } from '/common/readable.js';

/** The suffix of the forms' amounts of money: read as 1,000,000 元 (readable.js). */
const MONEY = '元';

/** A read-only field's unit after its number, but for amounts, which {@link shown} writes with theirs. */
const unitAfter = (suffix, value) => (suffix && suffix !== MONEY && typeof value === 'number' ? suffix : '');

const INPUTS = new Set(['textfield', 'textarea', 'number', 'checkbox', 'radio', 'select']);

const START_FORM = '/camunda/api/engine/engine/default/process-definition/key/maker-space-certification/deployed-start-form';

/** The certification's start form as the engine deployed it (the same definition Tasklist shows). */
export async function applicationForm() {
  const response = await fetch(START_FORM, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`无法读取申请表（HTTP ${response.status}），请刷新后重试。`);
  }
  return response.json();
}

/**
 * Renders `form` with `values` and, under the writable fields it names, the hints of `previous`
 * ({source, values}); returns {node, values()}. With `filed`, it shows only what `values` holds,
 * every field read-only and no instructions: what was filed.
 */
export function renderForm(form, values = {}, previous = null, { filed = false } = {}) {
  const fields = new Map(); // key -> {component, wrapper, read()}
  const conditional = []; // [node, expression]
  const node = el('div', { className: 'camunda-form' }, components(form.components || []));

  function components(list) {
    return list.map((component) => {
      const rendered = render(component);
      if (rendered && component.conditional && component.conditional.hide) {
        conditional.push([rendered, component.conditional.hide]);
      }
      return rendered;
    });
  }

  function render(c) {
    if (c.type === 'group') {
      const inside = components(c.components || []).filter(Boolean);
      return filed && !inside.length ? null
        : el('fieldset', { className: 'form-group' }, c.label ? el('legend', {}, c.label) : null, inside);
    }
    if (filed && c.type !== 'group' && !(c.key && Object.hasOwn(values, c.key))) {
      return null;
    }
    if (c.type === 'text') {
      return el('div', { className: 'form-text' }, markdown(c.text || '', values));
    }
    if (!INPUTS.has(c.type) || !c.key) {
      return null;
    }
    const readOnly = filed || c.disabled || c.readonly;
    const value = Object.hasOwn(values, c.key) ? values[c.key] : c.defaultValue;
    const wrapper = el('div', { className: `form-field type-${c.type}`, dataset: { key: c.key } });
    const description = c.description && !filed ? el('div', { className: 'hint', id: `hint-${c.key}` }, c.description) : null;
    const suffix = c.appearance && c.appearance.suffixAdorner;
    if (readOnly) {
      fill(wrapper, el('div', { className: 'field-label' }, c.label), el('div', { className: 'readonly-value' },
        shown(c, value), unitAfter(suffix, value) || null), description);
      fields.set(c.key, { component: c, wrapper, readOnly: true, read: () => value });
      return wrapper;
    }
    const id = `field-${c.key}`;
    const required = c.validate && c.validate.required;
    const before = previous && previous.values && Object.hasOwn(previous.values, c.key)
      ? el('div', { className: 'hint previous', id: `previous-${c.key}` }, `上次填报（${previous.source}）：`
        + `${shown(c, previous.values[c.key])}${unitAfter(suffix, previous.values[c.key])}`)
      : null;
    let read;
    if (c.type === 'checkbox') {
      // a required checkbox is a pledge: it must be ticked (the server refuses it unticked)
      const box = el('input', { type: 'checkbox', id, name: c.key, checked: value === true });
      if (required) {
        box.setAttribute('aria-required', 'true');
      }
      fill(wrapper, el('label', { className: 'checkbox', for: id }, box, c.label), description);
      read = () => box.checked;
    } else if (c.type === 'radio') {
      const options = (c.values || []).map((option) => el('input', {
        type: 'radio', name: c.key, value: option.value, checked: value === option.value,
        id: `${id}-${option.value}`,
      }));
      fill(wrapper, el('fieldset', { className: 'radio-group', id, dataset: { field: c.key } },
        el('legend', { className: required ? 'field required' : 'field' }, c.label),
        options.map((input, i) => el('label', { className: 'radio', for: input.id }, input, c.values[i].label))),
      description);
      read = () => (options.find((input) => input.checked) || {}).value;
    } else if (c.type === 'select') {
      const select = el('select', { id, name: c.key },
        el('option', { value: '' }, '请选择'),
        (c.values || []).map((option) => el('option', { value: option.value, selected: value === option.value },
          option.label)));
      fill(wrapper, el('label', { className: required ? 'field required' : 'field', for: id }, c.label),
        select, description);
      read = () => select.value || undefined;
    } else {
      const input = c.type === 'textarea'
        ? el('textarea', { id, name: c.key, rows: 5 })
        : el('input', { id, name: c.key, type: c.type === 'number' ? 'number' : 'text', step: 'any' });
      if (c.validate && c.validate.maxLength) {
        input.maxLength = c.validate.maxLength;
      }
      input.value = value === undefined || value === null ? '' : String(value);
      fill(wrapper, el('label', { className: required ? 'field required' : 'field', for: id }, c.label,
        suffix ? `（${suffix}）` : null), input, description);
      read = () => {
        const text = input.value.trim();
        if (text === '') {
          return undefined;
        }
        return c.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
      };
    }
    if (before) {
      wrapper.append(before);
    }
    const described = [description, before].filter(Boolean).map((hint) => hint.id).join(' ');
    if (described) {
      for (const control of wrapper.querySelectorAll('input, select, textarea')) {
        control.setAttribute('aria-describedby', described); // read with the field: its rule and what was declared last
      }
    }
    wrapper.addEventListener('input', update);
    wrapper.addEventListener('change', update);
    fields.set(c.key, { component: c, wrapper, readOnly: false, read });
    return wrapper;
  }

  function current() {
    const all = { ...values };
    for (const [key, field] of fields) {
      all[key] = field.read();
    }
    return all;
  }

  function update() {
    const all = current();
    for (const [rendered, expression] of conditional) {
      rendered.hidden = hidden(expression, all);
    }
  }

  update();
  return {
    node,
    /** The writable fields shown now, as the task takes them. */
    values() {
      const answer = {};
      for (const [key, field] of fields) {
        if (!field.readOnly && !field.wrapper.closest('[hidden]')) {
          const value = field.read();
          answer[key] = value === undefined ? null : value; // an emptied field is sent empty, as form-js does
        }
      }
      return answer;
    }
  };
}

/** A read-only value as people read it: dates as 2026年12月6日 14:30, an option by its label. */
function shown(component, value) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  const option = (component.values || []).find((o) => o.value === value);
  if (option) {
    return option.label;
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) && toDate(value)) {
    return dateTime(value);
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) {
    return day(value);
  }
  if (typeof value === 'boolean') {
    return value ? '是' : '否';
  }
  if (typeof value === 'number' && component.appearance && component.appearance.suffixAdorner === MONEY) {
    return amount(value, MONEY);
  }
  return String(value);
}

/** The forms' text: "###"/"####" headings and paragraphs; {{a.b}} from the values; **bold** as plain text. */
function markdown(text, values) {
  const filled = text.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (all, path) => {
    const value = path.split('.').reduce((v, part) => (v === null || v === undefined ? v : v[part]), values);
    return value === null || value === undefined ? '' : String(value);
  }).replace(/\*\*/g, '');
  return filled.split(/\n{2,}/).map((block) => {
    const heading = /^(#{3,4}) (.*)$/s.exec(block);
    return heading ? el(heading[1].length === 3 ? 'h3' : 'h4', {}, heading[2]) : el('p', {}, block);
  });
}

/** Whether a `conditional.hide` expression holds; an expression of another shape hides nothing. */
export function hidden(expression, values) {
  const terms = String(expression).replace(/^=/, '').split(/\s+or\s+/);
  let any = false;
  for (const term of terms) {
    const m = /^\s*([A-Za-z_]\w*)\s*(!=|=)\s*(null|true|false|"[^"]*")\s*$/.exec(term);
    if (!m) {
      return false;
    }
    const literal = m[3] === 'null' ? null : m[3] === 'true' ? true : m[3] === 'false' ? false : m[3].slice(1, -1);
    const actual = values[m[1]] === undefined ? null : values[m[1]];
    const equal = actual === literal;
    any = any || (m[2] === '=' ? equal : !equal);
  }
  return any;
}
