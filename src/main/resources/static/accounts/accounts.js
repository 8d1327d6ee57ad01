// 机构账号管理: the organisation accounts (GET /api/organisations): administrators see all and
// disable or enable them (POST /api/organisations/{userId}/disable, /enable); a county's bureau
// sees those of its county, read-only.

import { ApiError, NotLoggedIn, currentUser, ensureSession, request } from '/common/session.js';
import { el, fill, formatTime, hide, show, showError } from '/common/dom.js';
import { bindLogin, showApp, showLogin } from '/common/login.js';
import { codeLabel } from '/common/readable.js';

const $ = (id) => document.getElementById(id);

async function start() {
  try {
    await ensureSession();
    const answer = (await request('GET', '/api/organisations')).data;
    showApp(await currentUser());
    render(answer);
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      showLogin(null);
    } else {
      showApp(await currentUser().catch(() => null));
      showError($('global-message'), e instanceof Error ? e : new ApiError(0, String(e)));
    }
  } finally {
    hide($('loading'));
  }
}

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
    onclick: () => change(o.userId, disabled ? 'enable' : 'disable'),
  }, disabled ? '启用' : '停用')) : null)));
}

async function change(userId, action) {
  hide($('global-message'));
  try {
    const answer = (await request('POST', `/api/organisations/${encodeURIComponent(userId)}/${action}`, { json: {} })).data;
    await start();
    fill($('global-message'), el('div', { className: 'message ok' }, answer.message));
    show($('global-message'));
  } catch (e) {
    showError($('global-message'), e instanceof Error ? e : new ApiError(0, String(e)));
  }
}

bindLogin(start, () => {});
start();
