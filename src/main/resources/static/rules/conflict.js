// A release conflict: the release brought another table than the administrator's active one.

import { fill, formatTime, hide, show, showError } from '/common/dom.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { $, busy, fact, state, steps } from './context.js';

export function renderConflict(detail) {
  const conflict = detail.conflict;
  const panel = $('conflict-panel');
  hide($('conflict-error'));
  if (!conflict) {
    hide(panel);
    return;
  }
  fill($('conflict-text'),
    conflict.message || '本次发布的程序包带有与当前生效版本不同的规则表。为避免发布覆盖管理员的修改，系统仍在使用管理员启用的版本，请选择保留哪一个。');
  fill($('conflict-facts'),
    fact('detectedAt', '发现时间', formatTime(conflict.detectedAt)),
    fact('activeVersion', '当前生效', conflict.adminVersion != null
      ? `第 ${conflict.adminVersion} 版（管理员版本）`
      : detail.active && detail.active.version != null ? `第 ${detail.active.version} 版` : '—'),
    conflict.packagedChecksum ? fact('packagedChecksum', '新发布版本校验值', String(conflict.packagedChecksum).slice(0, 16), true) : null);
  $('conflict-reason').value = '';
  $('conflict-decision').hidden = !state.changesRules;
  show(panel);
}

async function resolveConflict(choice) {
  const reason = $('conflict-reason').value.trim();
  const box = $('conflict-error');
  if (!reason) {
    showError(box, new Error('请填写处理原因。'));
    return;
  }
  await busy([$('conflict-keep'), $('conflict-take')], async () => {
    try {
      await rules.resolveConflict(state.key, choice, reason);
      hide(box);
      await steps.refreshAfterChange(choice === 'keep-admin' ? '已保留管理员版本，发布冲突已处理。' : null);
    } catch (e) {
      handleError(e, box);
    }
  });
}

$('conflict-keep').addEventListener('click', () => resolveConflict('keep-admin'));
$('conflict-take').addEventListener('click', () => resolveConflict('take-packaged'));
