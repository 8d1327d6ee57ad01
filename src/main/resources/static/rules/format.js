// Chinese labels of the rule page (the application's codes: the shared dictionary, /common/readable.js).

import { codeLabel, hasLabel } from '/common/readable.js';

/** Where a version of a rule came from (the dictionary's ruleSource: also the label of its deployment in Cockpit). */
export function sourceLabel(source) {
  return source ? codeLabel('ruleSource', source) : '—';
}

/** A value of a case input or a decision result, for people; a code by the dictionary's table of {@code name}. */
export function formatValue(value, name) {
  if (value === null || value === undefined) {
    return '（未填写）';
  }
  if (name && hasLabel(name, value)) {
    return codeLabel(name, value);
  }
  if (value === true) {
    return '是';
  }
  if (value === false) {
    return '否';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}
