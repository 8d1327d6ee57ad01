// The Cockpit plugins build their DOM with the builder of our own pages (static/common/dom.js:
// text is always inserted as text, never as HTML), plus Cockpit's own boxes below.

import {append, el, fill} from '../../../../../common/dom.js';

export {append};
export const h = el;
export const replace = fill;

/** A Bootstrap alert in Cockpit's style. */
export function alertBox(kind, text) {
  return h('div', {className: `alert alert-${kind} audit-alert`, role: 'alert'}, text);
}

export function loading(text = '正在加载…') {
  return h('div', {className: 'audit-loading'},
    h('span', {className: 'glyphicon glyphicon-refresh animate-spin'}), ' ', text);
}

/** A table with a header row; rows are arrays of cells (nodes or text). */
export function table(headers, rows, className = '') {
  return h('table', {className: `table table-striped table-condensed audit-table ${className}`},
    h('thead', null, h('tr', null, headers.map(title => h('th', null, title)))),
    h('tbody', null, rows));
}
