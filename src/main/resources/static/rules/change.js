// Preparing a change of the selected table: edit it in the browser or upload a .dmn file, check
// it (check.js), then activate it with a reason.

import { el, fill, hide, show, showError } from '/common/dom.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { checkOutdated, resetCheck } from './check.js';
import { $, PROPOSED_TEXT, activeVersion, answeredVersion, busy, state, steps } from './context.js';
import { TableEditor } from './editor.js';

const editor = new TableEditor($('dmn-editor'), onEditorChange);

function openChange(title) {
  $('change-title').textContent = title;
  resetCheck();
  hide($('change-error'));
  show($('change-panel'));
}

/** Drops the change being prepared. */
export function closeChange() {
  editor.destroy();
  state.candidate = null;
  resetCheck();
  hide($('change-panel'), $('editor-block'), $('upload-block'), $('change-error'), $('editor-tabs'));
  $('upload-input').value = '';
}

$('edit-button').addEventListener('click', () => state.key && busy([$('edit-button')], async () => {
  try {
    const xml = await rules.xml(state.key);
    openChange(`在浏览器中修改：${state.detail.name || state.key}（基于第 ${activeVersion() ?? '?'} 版）`);
    hide($('upload-block'));
    show($('editor-block'));
    state.candidate = { mode: 'editor', baseVersion: activeVersion(), xml: () => editor.xml() };
    await editor.load(xml, state.key);
    editor.renderTabs($('editor-tabs'), (e) => handleError(e, $('change-error')));
    $('change-panel').scrollIntoView({ behavior: 'auto', block: 'start' });
  } catch (e) {
    show($('change-panel'));
    handleError(e, $('change-error'));
  }
}));

$('upload-input').addEventListener('change', async (event) => {
  const file = event.target.files && event.target.files[0];
  if (!file || !state.key) {
    return;
  }
  editor.destroy();
  hide($('editor-block'));
  openChange(`上传文件替换：${state.detail.name || state.key}`);
  try {
    const xml = await file.text();
    state.candidate = { mode: 'upload', fileName: file.name, baseVersion: activeVersion(), xml: async () => xml };
    fill($('upload-block'),
      el('div', {}, '已选择文件：', el('strong', {}, file.name), `（${(file.size / 1024).toFixed(1)} KB）`),
      describeUpload(xml),
      el('div', { className: 'hint' }, '单击“检查”，系统将检查该文件并用回归用例比较新旧结果；检查通过后方可启用。'));
    show($('upload-block'));
  } catch (e) {
    handleError(e, $('change-error'));
  }
});

/** What the chosen file contains, as far as the browser can tell (the server checks everything). */
function describeUpload(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) {
    return el('div', { className: 'error-text' }, '提示：该文件不是格式正确的XML，检查将不会通过。');
  }
  const ids = Array.from(doc.getElementsByTagNameNS('*', 'decision')).map((d) => d.getAttribute('id'));
  if (!ids.length) {
    return el('div', { className: 'error-text' }, '提示：文件中没有找到决策（decision），检查将不会通过。');
  }
  return el('div', { className: ids.includes(state.key) ? '' : 'error-text' },
    `文件中的决策：${ids.join('、')}`,
    ids.includes(state.key) ? '' : `（提示：没有决策键为 ${state.key} 的决策，检查将不会通过）`);
}

function onEditorChange(editorState) {
  const status = $('editor-status');
  status.textContent = editorState.dirty ? '已修改，尚未检查' : '尚未修改';
  status.classList.toggle('dirty', editorState.dirty);
  $('undo-button').disabled = !editorState.canUndo;
  $('redo-button').disabled = !editorState.canRedo;
  // What was checked is no longer what is shown.
  checkOutdated();
}

$('undo-button').addEventListener('click', () => editor.undo());
$('redo-button').addEventListener('click', () => editor.redo());
[['add-rule-button', 'addRule'], ['remove-rule-button', 'removeRule'], ['add-input-button', 'addInput'],
  ['add-output-button', 'addOutput']].forEach(([id, what]) => $(id).addEventListener('click', () => editor.change(what)));
$('discard-button').addEventListener('click', () => closeChange());

// ---------------------------------------------------------------- activate

/** What keeps the checked table from being activated, or null. */
function refusal(reason, changed) {
  if (!state.checkedXml) {
    return '请先单击“检查”，检查通过后才能启用。';
  }
  if (!reason) {
    return '请填写启用原因。';
  }
  if (changed.length && !$('confirm-changes').checked) {
    return '有用例的结果发生变化：请逐一核对后勾选“我已核对上述用例变化”。';
  }
  return null;
}

$('activate-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = $('activate-error');
  hide(box);
  const reason = $('activate-reason').value.trim();
  const changed = (state.checkResult && state.checkResult.changedCases) || [];
  const refused = refusal(reason, changed);
  if (refused) {
    showError(box, new Error(refused));
    if (!reason && state.checkedXml) {
      $('activate-reason').focus();
    }
    return;
  }
  await busy([$('activate-button')], async () => {
    try {
      const answer = await rules.activate(state.key, state.checkedXml, reason, $('confirm-changes').checked,
        state.candidate ? state.candidate.baseVersion : undefined);
      closeChange();
      await steps.refreshAfterChange(answer && answer.status === 'PROPOSED' ? PROPOSED_TEXT : null, answeredVersion(answer));
    } catch (e) {
      handleError(e, box);
    }
  });
});
