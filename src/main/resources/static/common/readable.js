// Values as people read them, from the one dictionary (dictionary.json beside this file) that the
// Java side reads too (common/ReadableValues): codes as Chinese labels, dates as
// 2026年12月6日 14:30 (Beijing time), ratios as 2/3（67%）, epoch milliseconds as dates.

export const DICTIONARY = await fetch(new URL('dictionary.json', import.meta.url), {credentials: 'same-origin'})
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));

const PARTS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The label of a code in one table of the dictionary (e.g. 'county'); the code itself when unknown. */
export function codeLabel(kind, code) {
  if (code === null || code === undefined || code === '') {
    return '';
  }
  const table = DICTIONARY[kind] || {};
  return table[String(code)] || String(code);
}

/** Whether the dictionary has a label for this code of this kind. */
export function hasLabel(kind, code) {
  return code !== null && code !== undefined && Object.hasOwn(DICTIONARY[kind] || {}, String(code));
}

/** Parses the engine's dates (2026-03-02T09:00:00.000+0800), ISO dates and epoch milliseconds. */
export function toDate(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value;
  }
  const text = String(value);
  const date = /^\d{11,}$/.test(text)
    ? new Date(Number(text))
    : new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026年12月6日 14:30" (Beijing time); '' for no date; the text itself when it is no date. */
export function dateTime(value) {
  const date = toDate(value);
  if (!date) {
    return value === null || value === undefined ? '' : String(value);
  }
  const p = Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]));
  const hour = p.hour === '24' ? '00' : p.hour;
  return `${p.year}年${p.month}月${p.day}日 ${hour}:${p.minute}`;
}

/** The calendar day in Beijing (2026-12-08) at this moment, or at {@code now}: what a date input holds. */
export function beijingDay(now = new Date()) {
  const p = Object.fromEntries(PARTS.formatToParts(now).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
}

/** "2026年3月5日" from a calendar day as the server sends it (2026-03-05); the text itself when it is none. */
export function day(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value ?? ''));
  if (!match) {
    return value === null || value === undefined ? '' : String(value);
  }
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** "2/3（67%）". */
export function ratio(part, whole) {
  return whole ? `${part}/${whole}（${Math.round((part * 100) / whole)}%）` : `${part}/0`;
}

const GROUPED = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: true });

/** "1,000,000", "1,234.5": a number with its digits grouped by thousands; anything else as it is. */
export function number(value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const parsed = typeof value === 'number' ? value : Number(String(value).trim());
  return typeof value === 'boolean' || !Number.isFinite(parsed) ? String(value) : GROUPED.format(parsed);
}

/** "1,000,000 元": an amount of money ({@link number}) with its unit; '' for none. */
export function amount(value, unit = '元') {
  const shown = number(value);
  return shown && /^-?[\d,.]+$/.test(shown) ? `${shown} ${unit}` : shown;
}

/**
 * A variable's value where the dictionary knows it as an amount (table amountUnit, e.g. seedFundAmount:
 * 1,000,000 元); null for any other variable, whose value the caller shows its own way.
 */
export function amountOf(name, value) {
  return hasLabel('amountUnit', name) ? amount(value, codeLabel('amountUnit', name)) : null;
}
