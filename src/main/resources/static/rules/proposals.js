// Changes of statutory numbers: proposed by one rule administrator, approved by another.

import { el, fill, formatTime, hide, show, showError } from '/common/dom.js';
import { handleError } from '/common/page.js';
import { rules } from './api.js';
import { changedCasesView } from './check.js';
import { $, busy, fact, pendingProposal, person, state, steps, versionLabel } from './context.js';

const PROPOSAL_STATUS = { PROPOSED: '待审批', APPROVED: '已批准并生效', REJECTED: '已驳回' };

export function renderProposals(detail) {
  const proposals = detail.proposals || [];
  const pending = pendingProposal();
  hide($('proposal-error'));
  $('proposal-reason').value = '';
  if (pending) {
    fill($('proposal-facts'),
      fact('proposedBy', '提出人', person(pending.proposedBy)),
      fact('proposedAt', '提出时间', formatTime(pending.proposedAt)),
      fact('proposalReason', '修改原因', pending.reason),
      fact('baseVersion', '基于版本', versionLabel(pending.baseVersion)),
      pending.rollbackOf != null ? fact('rollbackOf', '回滚到', versionLabel(pending.rollbackOf)) : null,
      fact('changedCases', '结果改变的用例', `${(pending.changedCases || []).length} 个`));
    // what the approver approves: the cases whose results change, as the proposer saw them at the check
    fill($('proposal-cases'), (pending.changedCases || []).length ? changedCasesView(pending.changedCases, 'proposal-changed-cases') : null);
    const own = pending.proposedBy === state.userId;
    // only rule administrators decide; others (auditors) read what awaits the decision
    $('proposal-decision').hidden = !state.changesRules;
    $('proposal-approve').hidden = own;
    $('proposal-own').hidden = !own;
    // the proposer's own 驳回 is a withdrawal: said so
    fill($('proposal-reject'), own ? '撤回' : '驳回');
    fill($('proposal-reason-label'), own ? '撤回原因' : '审批意见');
    $('proposal-reason').placeholder = own ? '请写明撤回的理由，例如：数值有误，将重新提出'
      : '请写明审批或驳回的理由，例如：已核对市科技局通知原文';
    show($('proposal-panel'));
  } else {
    hide($('proposal-panel'));
  }
  const body = $('proposal-history').tBodies[0];
  fill(body, proposals.map((p) => el('tr', { dataset: { proposal: p.proposalId, status: p.status } },
    el('td', { className: 'nowrap' }, p.status === 'REJECTED' && p.decidedBy === p.proposedBy ? '已撤回'
      : PROPOSAL_STATUS[p.status] || p.status),
    el('td', { className: 'nowrap' }, person(p.proposedBy)),
    el('td', { className: 'nowrap' }, formatTime(p.proposedAt)),
    el('td', {}, p.reason),
    el('td', { className: 'nowrap' }, p.decidedBy ? person(p.decidedBy) : '—'),
    el('td', { className: 'nowrap' }, p.decidedAt ? formatTime(p.decidedAt) : '—'),
    el('td', {}, p.decisionReason || '—'),
    el('td', { className: 'nowrap' }, versionLabel(p.version)))));
  if (!proposals.length) {
    fill(body, el('tr', {}, el('td', { colspan: '8' }, '（没有需要审批的修改）')));
  }
}

async function decideProposal(approve) {
  const pending = pendingProposal();
  const reason = $('proposal-reason').value.trim();
  const box = $('proposal-error');
  if (!pending) {
    return;
  }
  const own = pending.proposedBy === state.userId;
  if (!reason) {
    showError(box, new Error(own ? '请填写撤回原因。' : '请填写审批意见。'));
    return;
  }
  await busy([$('proposal-approve'), $('proposal-reject')], async () => {
    try {
      if (approve) {
        const answer = await rules.approve(state.key, pending.proposalId, reason);
        await steps.refreshAfterChange(null, answer.version);
      } else {
        await rules.reject(state.key, pending.proposalId, reason);
        await steps.refreshAfterChange(own ? '已撤回该修改，当前生效版本不变。' : '已驳回该修改，当前生效版本不变。');
      }
    } catch (e) {
      handleError(e, box);
    }
  });
}

$('proposal-approve').addEventListener('click', () => decideProposal(true));
$('proposal-reject').addEventListener('click', () => decideProposal(false));
