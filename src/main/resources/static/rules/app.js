// 规则管理页面：决策列表、当前规则表、版本历史、在浏览器中编辑或上传、检查、启用、回滚、发布冲突。
// The parts live in their own modules: list, detail, table (read-only view), versions (history
// and rollback), proposals, conflict, change (edit, upload, activate), check (regression cases).

import { fill, hide, show } from '/common/dom.js';
import { mountPage } from '/common/page.js';
import { rules } from './api.js';
import { closeChange } from './change.js';
import { $, loadPeople, state, steps } from './context.js';
import { refreshAfterChange, renderDecisions, select } from './detail.js';

steps.refreshAfterChange = refreshAfterChange;

mountPage({
  section: '规则管理',
  login: { heading: '规则管理员登录', hint: '请使用“规则管理员”组的账号登录。' },
  load: () => Promise.all([rules.list(), rules.access(), loadPeople()])
    .then(([decisions, access]) => ({ decisions, access })),
  render: async ({ decisions, access }, user) => {
    state.userId = user && user.userId;
    state.changesRules = access.changesRules === true;
    show($('decision-list-card'));
    renderDecisions(decisions);
    const wanted = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (wanted && decisions.some((d) => d.key === wanted)) {
      await select(wanted);
    }
  },
  onLeave: () => {
    state.key = null;
    state.detail = null;
    state.changesRules = false;
    closeChange();
    hide($('detail'));
    // the next user (maybe without the right to read rules) sees nothing of the previous one's list
    fill($('decision-list').tBodies[0]);
    hide($('decision-list-card'));
  },
});
