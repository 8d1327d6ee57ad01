// The running cases a change of the selected rule reaches (GET /api/rules/{key}/running-cases):
// the models read each rule's latest version, so a new version also decides the cases in progress
// that still have an evaluation of it ahead. Shown beside the active version, and again where a
// change is confirmed: the activation, the approval of a proposal and the rollback.

import { el, fill } from '/common/dom.js';
import { NotLoggedIn } from '/common/errors.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { $, state } from './context.js';

/** The places that show it: the detail, the activation form, the proposal and the rollback dialog. */
const BOXES = ['running-cases-body', 'activate-running', 'proposal-running', 'rollback-running'];

/** Reads the running cases of rule {@code key} and shows them in every place (a failure is said there). */
export async function showRunningCases(key) {
  show(() => el('p', { className: 'hint' }, '正在读取在办案件…'));
  let view;
  try {
    const running = await rules.runningCases(key);
    view = () => runningCasesView(running);
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      handleError(e);
      return;
    }
    view = () => el('p', { className: 'message error' }, `无法读取在办案件的情况：${e.message}`);
  }
  if (state.key === key) { // not a rule opened before the one shown now
    show(view);
  }
}

function show(view) {
  BOXES.forEach((id) => fill($(id), view()));
}

function runningCasesView(running) {
  if (!running.cases) {
    return el('p', { className: 'hint running-none' }, '目前没有在办案件在后续环节还要按本规则判断。');
  }
  return el('div', { className: 'running-cases' },
    el('p', { className: 'running-summary' },
      `共有 ${running.cases} 件在办案件在后续环节还要按本规则判断；新版本启用后，这些判断按新版本进行（是否经过该环节视案件办理情况而定）。各案件当前所处环节：`),
    el('table', { className: 'data running-steps' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '流程'), el('th', { scope: 'col' }, '当前环节'),
        el('th', { scope: 'col', className: 'num' }, '案件数'))),
      el('tbody', {}, running.steps.map((s) => el('tr', {},
        el('td', {}, s.process), el('td', {}, s.step), el('td', { className: 'num' }, String(s.cases)))))));
}
