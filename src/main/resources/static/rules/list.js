// The list of every decision with its active version.

import { el, fill, formatTime } from '/common/dom.js';
import { sourceLabel } from './format.js';
import { $, state, versionLabel, who } from './context.js';

/** Shows the decisions; a row opens its decision with onSelect(key). */
export function renderList(decisions, onSelect) {
  const body = $('decision-list').tBodies[0];
  fill(body, decisions.map((d) => el('tr', {
    className: `selectable${d.key === state.key ? ' selected' : ''}`,
    dataset: { key: d.key },
    tabindex: '0',
    onClick: () => onSelect(d.key),
    onKeydown: (e) => { if (e.key === 'Enter') onSelect(d.key); },
  },
  el('td', { className: 'mono nowrap' }, d.key),
  el('td', {}, d.name || '—'),
  el('td', { className: 'nowrap', dataset: { field: 'version' } }, versionLabel(d.activeVersion)),
  el('td', { className: 'nowrap' }, formatTime(d.activatedAt)),
  el('td', { className: 'nowrap' }, who(d.activatedBy, d.source)),
  el('td', {}, d.reason || '—'),
  el('td', {}, el('span', { className: 'badge source' }, sourceLabel(d.source))),
  el('td', { className: 'nowrap', dataset: { field: 'status' } },
    d.conflict ? el('span', { className: 'badge conflict', title: '新发布的程序包带有不同的规则表，需要管理员选择' }, '发布冲突') : null,
    d.proposalPending ? el('span', { className: 'badge pending', title: '有一项修改须由另一名规则管理员审批' }, '待审批') : null,
    d.conflict || d.proposalPending ? null : el('span', { className: 'badge ok' }, '正常')))));
  if (!decisions.length) {
    fill(body, el('tr', {}, el('td', { colspan: '8' }, '（没有决策规则）')));
  }
}

/** Marks the selected decision's row. */
export function markSelected(key) {
  document.querySelectorAll('#decision-list tbody tr').forEach((tr) => {
    tr.classList.toggle('selected', tr.dataset.key === key);
  });
}
