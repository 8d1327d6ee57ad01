// Field errors at their fields: a refusal's errors [{field, message}] are written under the
// control of that name, which gets aria-invalid and aria-describedby, so that a screen reader
// reads the message with the field. Errors of no control in the form stay with the form's message.

import { el, showError } from './dom.js';

const MARK = 'field-error';

function control(form, field) {
  if (!field) {
    return null;
  }
  const named = form.elements.namedItem ? form.elements.namedItem(field) : form.elements[field];
  // A group of radios (a RadioNodeList, without an id) is marked at its container's data-field.
  return (named && named.id ? named : null) || form.querySelector(`[data-field="${CSS.escape(field)}"]`) || named;
}

/**
 * The API names the field in its messages for integrators (违规情况描述（violationDescription）为必填项);
 * people read the label alone, at the field or in the form's message.
 */
function withoutFieldNames(text, errors) {
  return errors.reduce((shown, e) => (e && e.field ? shown.split(`（${e.field}）`).join('') : shown), text || '');
}

/** A refusal as one line people read, for a control without a form of its own (an upload). */
export function plainMessage(error) {
  return withoutFieldNames(error.message, error.errors || []);
}

function describedBy(node) {
  return (node.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
}

/** Removes what showFieldErrors wrote into the form. */
export function clearFieldErrors(form) {
  for (const message of [...form.querySelectorAll(`.${MARK}`)]) {
    const owner = form.querySelector(`[aria-describedby~="${message.id}"]`);
    if (owner) {
      const rest = describedBy(owner).filter((id) => id !== message.id);
      if (rest.length) {
        owner.setAttribute('aria-describedby', rest.join(' '));
      } else {
        owner.removeAttribute('aria-describedby');
      }
      owner.removeAttribute('aria-invalid');
    }
    message.remove();
  }
}

/** Writes each error at its field; returns the errors that have no field in this form. */
export function showFieldErrors(form, errors = []) {
  clearFieldErrors(form);
  const unplaced = [];
  for (const error of errors) {
    const target = control(form, error && error.field);
    if (!target || !target.id) {
      unplaced.push(error);
      continue;
    }
    const id = `${target.id}-${MARK}`;
    let message = form.querySelector(`#${CSS.escape(id)}`);
    if (!message) {
      message = el('p', { className: MARK, id });
      target.after(message);
      target.setAttribute('aria-describedby', [...describedBy(target), id].join(' '));
    }
    const text = withoutFieldNames(error.message, [error]);
    message.append(message.textContent ? `；${text}` : text);
    target.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

/**
 * Shows a refusal of a form: each field error at its field, the message (with the errors of no
 * field) in the form's message box; the first invalid field gets the focus.
 */
export function showFormError(form, box, error) {
  const errors = error.errors || [];
  const unplaced = showFieldErrors(form, errors);
  showError(box, { message: withoutFieldNames(error.message, errors), errors: unplaced });
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) {
    first.focus();
  }
  watchCorrections(form, box, error);
}

const SUMMARY = '输入有误：';
/** The refusal each form shows, while its fields are being corrected (form → {box, error}). */
const shown = new WeakMap();

/**
 * A refused field that is changed counts as corrected: its message goes, and the form's message
 * names only what is left (the server's 输入有误：… is rebuilt from the remaining errors), or goes
 * too. Without this the summary stayed until the next submit, after every field was put right.
 */
function watchCorrections(form, box, error) {
  if (!shown.has(form) && form.addEventListener) {
    const corrected = (event) => correct(form, event.target);
    form.addEventListener('input', corrected);
    form.addEventListener('change', corrected);
  }
  shown.set(form, { box, error: { ...error, errors: [...(error.errors || [])] } });
}

function correct(form, target) {
  const state = shown.get(form);
  if (!state || !target || typeof target.closest !== 'function') {
    return;
  }
  const invalid = target.closest('[aria-invalid="true"]');
  if (!invalid || !form.contains(invalid)) {
    return;
  }
  const note = form.querySelector(`#${CSS.escape(`${invalid.id}-${MARK}`)}`);
  if (note) {
    note.remove();
  }
  const rest = describedBy(invalid).filter((id) => id !== `${invalid.id}-${MARK}`);
  if (rest.length) {
    invalid.setAttribute('aria-describedby', rest.join(' '));
  } else {
    invalid.removeAttribute('aria-describedby');
  }
  invalid.removeAttribute('aria-invalid');
  const left = state.error.errors.filter((e) => !e || control(form, e.field) !== invalid);
  state.error.errors = left;
  if (!left.some((e) => e && e.field)) {
    // every refused field changed: what the server said of them is no longer true
    state.box.hidden = true;
    shown.delete(form);
    return;
  }
  const message = String(state.error.message || '').startsWith(SUMMARY)
    ? SUMMARY + left.map((e) => (typeof e === 'string' ? e : e.message)).join('；')
    : state.error.message;
  const unplaced = left.filter((e) => { const c = e && control(form, e.field); return !(c && c.id); });
  showError(state.box, { message: withoutFieldNames(message, left), errors: unplaced });
}
