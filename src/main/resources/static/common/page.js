// The frame of our own pages (rules, calendar, portal, mailbox): the header with the system's
// name and the user box, the login panel, the loading line and the footer, built here once. A page
// holds only <main> with its <div id="app" hidden> (and <div id="global-message"> in it) and calls
// mountPage() at the end of its script.

import { ApiError, NotLoggedIn, asError } from './errors.js';
import { currentUser, ensureSession, login, logout, request } from './session.js';
import { el, fill, hide, show, showError } from './dom.js';
import { clearFieldErrors, showFormError } from './fields.js';

export const SYSTEM_NAME = '众创空间认定与管理系统';
export const BUREAU_NAME = '朔州市科学技术局';
const LOST = '登录已失效，请重新登录。';

const $ = (id) => document.getElementById(id);

let leave = () => {};
let loaded = false;
/** The signed-in user's name from their profile: first and last name, as Camunda's header and common/UserNames write it. */
const PERSON = (profile) => `${profile.firstName || ''}${profile.lastName || ''}`;
let nameOf = PERSON;

function header(section) {
  return el('header', { className: 'site-header' },
    el('div', { className: 'brand' },
      el('span', { className: 'emblem', 'aria-hidden': 'true' }, '朔'),
      el('div', {}, el('div', { className: 'org' }, BUREAU_NAME), el('h1', {}, `${SYSTEM_NAME} · ${section}`))),
    el('div', { className: 'user-box', id: 'user-box', hidden: true },
      el('span', {}, '当前用户：', el('strong', { id: 'user-name' })),
      el('button', { type: 'button', id: 'logout-button' }, '退出登录')));
}

function loginPanel({ heading = '登录', hint, extras = [] }) {
  const input = (id, name, type, label, autocomplete) => [
    el('label', { className: 'field required', for: id }, label),
    el('input', { type, id, name, autocomplete, required: true }),
  ];
  return el('section', { id: 'login-panel', className: 'card login-card', hidden: true },
    el('h2', {}, heading),
    hint ? el('p', { className: 'hint' }, hint) : null,
    el('form', { id: 'login-form', autocomplete: 'on', noValidate: true },
      input('login-username', 'username', 'text', '用户名', 'username'),
      input('login-password', 'password', 'password', '密码', 'current-password'),
      el('button', { type: 'submit', className: 'primary', id: 'login-submit' }, '登录'),
      el('div', { id: 'login-error', className: 'message error', role: 'alert', hidden: true })),
    extras);
}

/** Shows the login form instead of the page, with a message (e.g. a lost session) or none. */
export function showLogin(message) {
  leave();
  hide($('app'), $('user-box'), $('loading'));
  show($('login-panel'));
  const box = $('login-error');
  box.className = 'message error';
  if (message) {
    fill(box, message);
    show(box);
  } else {
    hide(box);
  }
  $('login-username').focus();
}

/** Shows the page and who is signed in. */
export function showApp(user) {
  hide($('login-panel'));
  show($('app'));
  if (user && user.userId) {
    $('user-name').textContent = user.userId;
    show($('user-box'));
    showUserName(user.userId);
  }
}

/**
 * The signed-in user by name, 规则管理员一（ruleadmin1), as Camunda's own header names them (or as the page's
 * {@code userName} does); the id alone when unnamed.
 */
async function showUserName(userId) {
  try {
    const { data } = await request('GET', `/camunda/api/engine/engine/default/user/${encodeURIComponent(userId)}/profile`);
    const name = String(nameOf(data) || '').trim();
    if (name && $('user-name').textContent === userId) {
      $('user-name').textContent = `${name}（${userId}）`;
    }
  } catch {
    // the id stays
  }
}

/** Shows an error where it belongs; a lost session brings back the login form. */
export function handleError(error, box = $('global-message')) {
  if (error instanceof NotLoggedIn) {
    showLogin(loaded ? LOST : null);
    return;
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
  }
  showError(box, asError(error));
}

/** Loads the page's data, then shows it for the signed-in user; refusals go to the global message. */
async function open(load, render) {
  try {
    await ensureSession();
    const data = await load();
    const user = await currentUser();
    fill($('global-message'));
    showApp(user);
    await render(data, user);
    loaded = true;
  } catch (e) {
    if (!(e instanceof NotLoggedIn)) {
      // E.g. 403: logged in, but without the page's role.
      showApp(await currentUser().catch(() => null));
    }
    handleError(e);
  } finally {
    hide($('loading'));
  }
}

function bindLogin(start) {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors($('login-form'));
    // our words, not the browser's own (in its language) for an empty field
    const empty = [['login-username', '用户名'], ['login-password', '密码']].filter(([id]) => !$(id).value.trim());
    if (empty.length) {
      showFormError($('login-form'), $('login-error'), new ApiError(400, `请输入${empty.map(([, label]) => label).join('和')}。`,
        empty.map(([id, label]) => ({ field: $(id).name, message: `请输入${label}` }))));
      return;
    }
    const button = $('login-submit');
    button.disabled = true;
    hide($('login-error'));
    try {
      await login($('login-username').value.trim(), $('login-password').value);
      $('login-password').value = '';
      await start();
    } catch (e) {
      showError($('login-error'), asError(e));
    } finally {
      button.disabled = false;
    }
  });
  $('logout-button').addEventListener('click', async () => {
    try {
      await logout();
    } finally {
      loaded = false;
      showLogin();
    }
  });
}

/**
 * Builds the frame around the page's <main> and opens the page: {@code load()} fetches its data,
 * {@code render(data, user)} shows it; after a login both run again. {@code onLeave()} tidies the
 * page whenever it gives way to the login form. {@code login} is {heading, hint, extras}. {@code userName(profile)}
 * names the signed-in user in the header from their Camunda profile (first and last name unless given).
 */
export function mountPage({ section, login: panel = {}, load, render, onLeave = () => {}, userName = PERSON }) {
  nameOf = userName;
  const main = document.querySelector('main');
  document.body.prepend(header(section));
  main.prepend(el('p', { id: 'loading', className: 'hint' }, '正在加载……'), loginPanel(panel));
  document.body.append(el('footer', { className: 'site-footer' }, `${BUREAU_NAME} · ${SYSTEM_NAME}`));
  leave = onLeave;
  loaded = false;
  const start = () => open(load, render);
  bindLogin(start);
  return start();
}
