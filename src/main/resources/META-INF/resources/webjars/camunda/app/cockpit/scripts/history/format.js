// Dates, durations and values the way Chinese readers expect them (codes, dates and ratios from
// the shared dictionary: /common/readable.js).

import {DICTIONARY, amountOf, codeLabel, dateTime as readableDateTime, hasLabel} from '../../../../../common/readable.js';

function pad(number, width = 2) {
  return String(number).padStart(width, '0');
}

/** Parses the engine's date format (2026-03-02T09:00:00.000+0800). */
export function parseDate(text) {
  if (!text) {
    return null;
  }
  const iso = String(text).replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const date = new Date(iso);
  return isNaN(date.getTime()) ? null : date;
}

/** 2026年3月2日 09:00 (Beijing time), or '' */
export function dateTime(text) {
  return text ? readableDateTime(text) : '';
}

/** The engine's date format for a query parameter. */
export function engineDate(date) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T`
    + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.`
    + `${pad(date.getMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Start (00:00:00.000) or end (23:59:59.999) of the day of an <input type=date> value. */
export function dayBoundary(value, endOfDay) {
  if (!value) {
    return null;
  }
  const [year, month, day] = value.split('-').map(Number);
  const date = endOfDay
    ? new Date(year, month - 1, day, 23, 59, 59, 999)
    : new Date(year, month - 1, day, 0, 0, 0, 0);
  return engineDate(date);
}

/** 3天4小时 / 5小时12分 / 8分30秒 / 120毫秒 */
export function duration(millis) {
  if (millis === null || millis === undefined || millis === '') {
    return '';
  }
  let rest = Math.max(0, Math.round(Number(millis)));
  if (rest < 1000) {
    return `${rest}毫秒`;
  }
  const units = [['天', 86400000], ['小时', 3600000], ['分', 60000], ['秒', 1000]];
  const parts = [];
  for (const [name, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) {
      parts.push(`${count}${name}`);
    }
    if (parts.length === 2) {
      break;
    }
  }
  return parts.filter(part => !part.startsWith('0')).join('') || '0秒';
}

/** The milliseconds between two engine dates (end defaults to now). */
export function between(start, end) {
  const from = parseDate(start);
  const to = end ? parseDate(end) : new Date();
  return from && to ? to.getTime() - from.getTime() : null;
}

/** A variable's value as readable text (booleans in Chinese, JSON compact). */
export function value(variable) {
  if (!variable) {
    return '';
  }
  const raw = variable.value;
  if (raw === null || raw === undefined) {
    return variable.type === 'Null' || raw === null ? '（空）' : '';
  }
  if (variable.type === 'Boolean' || typeof raw === 'boolean') {
    return raw ? '是' : '否';
  }
  if (variable.type === 'Date') {
    return dateTime(raw);
  }
  if (typeof raw === 'number' && amountOf(variable.name, raw) !== null) {
    return amountOf(variable.name, raw); // 1,000,000 元
  }
  if (DICTIONARY[variable.name] && hasLabel(variable.name, raw)) {
    return codeLabel(variable.name, raw);
  }
  if (typeof raw === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(raw)) {
    return dateTime(raw);
  }
  if (typeof raw === 'object') {
    return JSON.stringify(raw);
  }
  return String(raw);
}

/** The dictionary's name for what an output holds, where it differs from the output's own name. */
const OUTPUT_KINDS = {code: 'article4Condition'};
/** Inputs that are shares of a whole: read as a percentage (0.9411… → 94.1%). */
const SHARES = new Set(['publicAreaRatio', 'recommendRatio']);

/**
 * A decision's input or output as people read it: the variable it reads (the input's id ends in
 * in-<variable>, e.g. in-premises) or writes names its dictionary, so codes show as labels.
 */
export function clauseValue(clause) {
  const name = clause.variableName
    ? OUTPUT_KINDS[clause.variableName] || clause.variableName
    : (/(?:^|-)in-([A-Za-z]+)$/.exec(clause.clauseId || '') || [])[1];
  if (SHARES.has(name) && typeof clause.value === 'number') {
    return `${Math.round(clause.value * 1000) / 10}%`;
  }
  return value({...clause, name});
}

/** The version number in a definition id such as "first-review-routing:3:3f2a…". */
export function versionFromId(definitionId) {
  const parts = String(definitionId || '').split(':');
  return parts.length >= 3 && /^\d+$/.test(parts[1]) ? Number(parts[1]) : null;
}
