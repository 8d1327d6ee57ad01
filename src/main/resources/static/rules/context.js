// What the parts of the rule page share: the page's state, its elements, and the few steps that
// one part asks of another (set by app.js, so that the parts do not import each other in a cycle).

import { el, fill } from '/common/dom.js';
import { rules } from './api.js';

export const $ = (id) => document.getElementById(id);

export const state = {
  key: null,
  detail: null,
  // The change being prepared: {mode: 'editor', baseVersion} or {mode: 'upload', xml, fileName, baseVersion}.
  candidate: null,
  // The XML that the last successful check judged, and that check's result.
  checkedXml: null,
  checkResult: null,
  rollbackVersion: null,
  // The signed-in rule administrator: a proposal of one's own is approved by another.
  userId: null,
  // Whether the signed-in user may change rules (GET /api/rules/access); auditors only read.
  changesRules: false,
  // The names of the people the records name, by user id (GET /api/rules/people).
  people: new Map(),
};

export const steps = {
  /** (text, version): reloads list and detail after a change and says what is active now (detail.js). */
  refreshAfterChange: null,
};

/** The message after a change that became a proposal instead of a new version. */
export const PROPOSED_TEXT = '已提交审批：该修改涉及《办法》规定的数值，须由另一名规则管理员审批后生效；在此之前仍使用当前版本。';

export function message(box, kind, ...content) {
  fill(box, el('div', { className: `message ${kind}` }, ...content));
}

export function versionLabel(version) {
  return version != null ? `第 ${version} 版` : '—';
}

/** The version an answer of activate, rollback or approve names. */
export function answeredVersion(answer) {
  return answer && (answer.version != null ? answer.version : answer.active && answer.active.version);
}

/** A user as the page names them: 规则管理员一（ruleadmin1）, or the id when the name is unknown. */
export function person(userId) {
  const name = state.people.get(userId);
  return name && name !== userId ? `${name}（${userId}）` : userId;
}

/**
 * Reads the names of the people the records name (at the start and after a change, which may name
 * someone new); without them the page shows the ids.
 */
export async function loadPeople() {
  try {
    state.people = new Map((await rules.people()).map((p) => [p.id, p.label]));
  } catch {
    // the ids stay
  }
}

/** Who activated a version; packaged versions were deployed by the release itself. */
export function who(user, source) {
  if (user) {
    return person(user);
  }
  return source === 'release' ? '系统（随版本发布）' : '—';
}

/** The proposal of the selected rule awaiting a second rule administrator, if any. */
export function pendingProposal() {
  return ((state.detail && state.detail.proposals) || []).find((p) => p.status === 'PROPOSED');
}

/**
 * Whether the page offers a new change of the selected rule (编辑, 上传, 回滚): only to those who may
 * change rules, and not while a proposal of the rule awaits its approval (the server refuses both).
 */
export function mayProposeChange() {
  return state.changesRules && !pendingProposal();
}

export function activeVersion() {
  return state.detail && state.detail.active ? state.detail.active.version : undefined;
}

export function fact(name, label, value, mono = false) {
  return el('div', { dataset: { fact: name } }, el('dt', {}, `${label}：`), el('dd', { className: mono ? 'mono' : '' }, value));
}

/** Disables the buttons while the action runs. */
export async function busy(buttons, action) {
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return await action();
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}
