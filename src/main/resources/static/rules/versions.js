// The version history of a decision: download, view and roll back to any version.

import { el, fill, formatTime, hide, showError } from '/common/dom.js';
import { handleError } from '/common/page.js';
import { NotLoggedIn } from '/common/errors.js';
import { rules } from './api.js';
import { closeChange } from './change.js';
import { changedCasesView, count } from './check.js';
import { $, PROPOSED_TEXT, answeredVersion, busy, mayProposeChange, message, state, steps, who } from './context.js';
import { sourceLabel } from './format.js';
import { showVersion } from './table.js';

export function renderVersions(detail) {
  const activeVersion = detail.active ? detail.active.version : null;
  const body = $('version-history').tBodies[0];
  const versions = detail.versions || [];
  fill(body, versions.map((v) => {
    const isActive = v.version === activeVersion;
    return el('tr', { dataset: { version: String(v.version) }, className: isActive ? 'selected' : '' },
      el('td', { className: 'nowrap' }, `第 ${v.version} 版`, isActive ? [' ', el('span', { className: 'badge active' }, '当前生效')] : null),
      el('td', { className: 'nowrap' }, formatTime(v.activatedAt || v.deployedAt || v.deploymentTime)),
      el('td', { className: 'nowrap' }, who(v.activatedBy, v.source)),
      el('td', {}, v.reason || '—'),
      el('td', {}, el('span', { className: 'badge source' }, sourceLabel(v.source)),
        v.source === 'rollback' && v.rollbackOf ? el('div', { className: 'hint' }, `恢复自第 ${v.rollbackOf} 版`) : null),
      el('td', { className: 'nowrap' },
        el('button', {
          type: 'button',
          className: 'small view-button',
          dataset: { version: String(v.version) },
          onClick: () => view(v.version),
        }, '查看'),
        ' ',
        el('a', {
          className: 'button small',
          href: rules.xmlUrl(detail.key, v.version),
          download: `${detail.key}-v${v.version}.dmn`,
        }, '下载'),
        ' ',
        isActive || !mayProposeChange() ? null : el('button', {
          type: 'button',
          className: 'small rollback-button',
          dataset: { version: String(v.version) },
          onClick: () => openRollback(v.version),
        }, '回滚到此版本')));
  }));
  if (!versions.length) {
    fill(body, el('tr', {}, el('td', { colspan: '6' }, '（没有版本记录）')));
  }
}

async function view(version) {
  try {
    await showVersion(version);
    $('table-title').scrollIntoView({ behavior: 'auto', block: 'start' });
  } catch (e) {
    handleError(e);
  }
}

// ---------------------------------------------------------------- rollback

function openRollback(version) {
  state.rollbackVersion = version;
  $('rollback-title').textContent = `回滚到第 ${version} 版`;
  $('rollback-reason').value = '';
  hide($('rollback-error'));
  $('rollback-dialog').showModal();
  $('rollback-reason').focus();
  showRollbackImpact(state.key, version);
}

/**
 * What the rollback changes, before it is confirmed: the version's table checked against the active
 * one, as a new table is (the regression cases whose results change, side by side).
 */
async function showRollbackImpact(key, version) {
  const box = $('rollback-impact');
  fill(box, el('p', { className: 'hint' }, '正在用回归用例检查回滚的影响…'));
  const current = () => state.rollbackVersion === version && $('rollback-dialog').open;
  try {
    const result = await rules.check(key, await rules.xml(key, version));
    if (!current()) {
      return;
    }
    const changed = result.changedCases || [];
    const failed = result.failedCases || [];
    if (!result.accepted || failed.length) {
      // the server refuses such a rollback: say so before the administrator writes a reason
      const problems = [...(result.errors || []).map((e) => e.message), ...failed.map((f) => `${f.name}：${f.error}`)];
      fill(box, el('div', { className: 'message error', id: 'rollback-refused' }, '该版本未通过现行检查，无法回滚：',
        el('ul', {}, problems.map((p) => el('li', {}, p)))));
      return;
    }
    fill(box, changed.length
      ? changedCasesView(changed, 'rollback-changed-cases')
      : el('p', { className: 'hint', id: 'rollback-no-change' },
        `回滚后，${count(result.unchangedCases)} 个回归用例的结果都不变。`));
  } catch (e) {
    if (current()) {
      fill(box, el('p', { className: 'message error' }, `无法检查回滚的影响：${e.message}`));
    }
  }
}

$('rollback-cancel').addEventListener('click', () => $('rollback-dialog').close());

$('rollback-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reason = $('rollback-reason').value.trim();
  const box = $('rollback-error');
  if (!reason) {
    showError(box, new Error('请填写回滚原因。'));
    return;
  }
  await busy([$('rollback-confirm')], async () => {
    try {
      const answer = await rules.rollback(state.key, state.rollbackVersion, reason);
      $('rollback-dialog').close();
      closeChange();
      if (answer && answer.status === 'PROPOSED') {
        await steps.refreshAfterChange(PROPOSED_TEXT);
        return;
      }
      const version = answeredVersion(answer);
      await steps.refreshAfterChange(null, version);
      const shown = version != null ? version : state.detail.active.version;
      message($('detail-message'), 'ok', el('span', { id: 'activated-message' },
        `已回滚：第 ${state.rollbackVersion} 版的规则表已重新部署为第 ${shown} 版并生效。`));
    } catch (e) {
      if (e instanceof NotLoggedIn) {
        $('rollback-dialog').close();
      }
      handleError(e, box);
    }
  });
});
