// The selected decision: its active version's facts and table, pending proposal, release conflict
// and history.

import { el, fill, formatTime, hide, show } from '/common/dom.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { closeChange } from './change.js';
import { renderConflict } from './conflict.js';
import { $, fact, loadPeople, mayProposeChange, message, pendingProposal, person, state, versionLabel, who } from './context.js';
import { sourceLabel } from './format.js';
import { markSelected, renderList } from './list.js';
import { renderProposals } from './proposals.js';
import { showRunningCases } from './running.js';
import { showVersion } from './table.js';
import { renderVersions } from './versions.js';

// The opening of a decision under way, by key: the page opening the decision of its address and a
// click on the same row at that moment draw it once (twice, the second drawing replaced the first's elements).
const opening = new Map();

/** Opens a decision (also after a change, to show what is active now). */
export function select(key) {
  if (!opening.has(key)) {
    opening.set(key, open(key).finally(() => opening.delete(key)));
  }
  return opening.get(key);
}

async function open(key) {
  if (key !== state.key) {
    closeChange();
    fill($('detail-message'));
  }
  try {
    const detail = await rules.get(key);
    state.key = key;
    state.detail = detail;
    history.replaceState(null, '', `#${encodeURIComponent(key)}`);
    markSelected(key);
    showRunningCases(key);
    // The table first: once the facts name a version, its table is shown.
    await showVersion().catch(handleError);
    renderDetail(detail);
  } catch (e) {
    handleError(e);
  }
}

export function renderDecisions(decisions) {
  renderList(decisions, select);
}

function renderDetail(detail) {
  const active = detail.active || {};
  $('detail-name').textContent = detail.name || detail.key;
  $('detail-key').textContent = detail.key;
  fill($('active-facts'),
    fact('version', '当前版本', versionLabel(active.version)),
    fact('activatedAt', '启用时间', formatTime(active.activatedAt)),
    fact('activatedBy', '启用人', who(active.activatedBy, active.source)),
    fact('source', '来源', sourceLabel(active.source)),
    fact('reason', '启用原因', active.reason || '—'),
    fact('decisionDefinitionId', '决策定义标识', active.decisionDefinitionId || '—', true));
  const download = $('download-active');
  download.href = rules.xmlUrl(detail.key);
  download.setAttribute('download', `${detail.key}${active.version != null ? `-v${active.version}` : ''}.dmn`);

  renderChangeOffer();
  renderConflict(detail);
  renderProposals(detail);
  renderVersions(detail);
  show($('detail'));
}

/**
 * 编辑 and 上传 for those who may propose a change now; a rule administrator is told first when a
 * proposal of the rule awaits its approval (a new change is refused until it is decided).
 */
function renderChangeOffer() {
  const offered = mayProposeChange();
  $('edit-button').hidden = !offered;
  $('upload-label').hidden = !offered;
  const pending = pendingProposal();
  if (state.changesRules && pending) {
    fill($('change-blocked'), `该规则有一项待审批的修改（${person(pending.proposedBy)}于${formatTime(pending.proposedAt)}提出）：`
      + '须由另一名规则管理员审批或驳回后，才能提出新的修改。');
    show($('change-blocked'));
  } else {
    hide($('change-blocked'));
  }
}

/** Reloads list and detail after a change, and says what is active now. */
export async function refreshAfterChange(text, version) {
  // the names first: the change may name someone the page has not seen yet
  const [decisions] = await Promise.all([rules.list(), loadPeople()]);
  renderDecisions(decisions);
  await select(state.key);
  const active = (state.detail && state.detail.active) || {};
  const shown = version != null ? version : active.version;
  message($('detail-message'), 'ok', el('span', { id: 'activated-message' },
    text || `已启用新版本：第 ${shown} 版。此后新的申请和正在办理的申请在下一次判断时均使用该版本。`));
  $('detail').scrollIntoView({ behavior: 'auto', block: 'start' });
}
