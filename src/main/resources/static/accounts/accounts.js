// 机构账号管理: the organisation accounts (GET /api/organisations): administrators see all and
// disable or enable them (POST /api/organisations/{userId}/disable, /enable); a county's bureau
// sees those of its county, read-only.

import { request } from '/common/session.js';
import { el, fill, formatTime, hide, show, whileBusy } from '/common/dom.js';
import { handleError, mountPage } from '/common/page.js';
import { codeLabel } from '/common/readable.js';

const $ = (id) => document.getElementById(id);

const load = async () => (await request('GET', '/api/organisations')).data;

function render({ mayDisable, accounts }) {
  fill($('scope'), mayDisable
    ? '全部县（区）的机构账号。停用后，该账号不能再登录本系统（申报单位页面、任务中心和接口均不能登录），可随时重新启用。'
    : '本县（区）的机构账号（只读）。');
  document.querySelectorAll('.action-column').forEach((th) => { th.hidden = !mayDisable; });
  fill($('account-list').tBodies[0], accounts.map(({ organisation: o, createdAt, disabled, disabledAt }) => el('tr', {
    dataset: { user: o.userId },
  },
  el('td', {}, o.userId), el('td', {}, o.organisationName), el('td', {}, o.creditCode),
  el('td', {}, codeLabel('county', o.county)), el('td', {}, o.contactName), el('td', {}, o.phone),
  el('td', { className: 'nowrap' }, formatTime(createdAt)),
  el('td', { className: disabled ? 'error-text' : '' }, disabled ? `已停用（${formatTime(disabledAt)}）` : '正常'),
  mayDisable ? el('td', {}, el('button', {
    type: 'button', className: disabled ? 'enable' : 'disable',
    onclick: (event) => (disabled ? change(o.userId, 'enable') : confirmDisable(event.currentTarget.parentElement, o)),
  }, disabled ? '启用' : '停用')) : null)));
}

/** 停用 locks an organisation out at once: the row asks once more, naming it, before it is done. */
function confirmDisable(cell, o) {
  const confirm = el('button', {
    type: 'button', className: 'confirm-disable', onclick: () => whileBusy(confirm, () => change(o.userId, 'disable')),
  }, '确认停用');
  const ask = el('button', { type: 'button', className: 'disable', onclick: () => confirmDisable(cell, o) }, '停用');
  const cancel = () => {
    fill(cell, ask);
    ask.focus();
  };
  fill(cell, el('span', { role: 'alert' }, `停用后“${o.organisationName}”不能再登录。`), confirm,
    el('button', { type: 'button', className: 'cancel-disable', onclick: cancel }, '取消'));
  confirm.focus();
}

async function change(userId, action) {
  hide($('global-message'));
  try {
    const answer = (await request('POST', `/api/organisations/${encodeURIComponent(userId)}/${action}`, { json: {} })).data;
    render(await load());
    fill($('global-message'), el('div', { className: 'message ok' }, answer.message));
    show($('global-message'));
  } catch (e) {
    handleError(e);
  }
}

mountPage({
  section: '机构账号',
  login: { hint: '系统管理员管理全部运营机构账号；县（区）科技局查看本县（区）的机构账号。' },
  load,
  render,
});
