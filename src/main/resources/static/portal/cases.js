// What the portal's pages share about an application: its state in words and the case page's address.

import { codeLabel } from '/common/readable.js';

/** 办理中：初审 / 已认定 / 不予认定……, from the open steps or the outcome. */
export function state(a) {
  if (a.inProgress) {
    return a.stages.length ? `办理中：${a.stages.join('、')}` : '办理中';
  }
  return a.outcome ? codeLabel('outcome', a.outcome) : '已终止';
}

/** The case page of an application, at one of its tasks when given. */
export function caseLink(number, taskId) {
  return `/portal/case.html?number=${encodeURIComponent(number || '')}${taskId ? `#task-${taskId}` : ''}`;
}

/** "2029年12月5日" from an ISO date (2029-12-05); the text itself otherwise. */
export function day(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso || '—');
}
