// The read-only table of the selected decision: the active version, or a version of the history.

import { el } from '/common/dom.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { $, activeVersion, state } from './context.js';
import { TableViewer } from './viewer.js';

const viewer = new TableViewer($('active-table'));

/** Shows a version of the selected decision's table; the active one without a version. */
export async function showVersion(version = null) {
  const active = version == null || version === activeVersion();
  const xml = await rules.xml(state.key, active ? undefined : version);
  const note = active ? null : [
    `正在查看第 ${version} 版（只读，不是当前生效版本）。`,
    el('button', { type: 'button', className: 'small', id: 'view-active', onClick: () => showVersion().catch(handleError) },
      '返回当前版本'),
  ];
  await viewer.show(xml, state.key, handleError, note);
  $('table-title').textContent = active ? '当前规则表' : `第 ${version} 版规则表`;
}
