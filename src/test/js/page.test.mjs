import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as pause } from 'node:timers/promises';
import { answerWith, calls, common, json } from './support/env.mjs';
import { installDom } from './support/dom-stub.mjs';

const { ApiError, NotLoggedIn } = await common('errors.js');
const { el } = await common('dom.js');
const { mountPage } = await common('page.js');

const AUTH = '/camunda/api/admin/auth/user/default';
const $ = (id) => document.getElementById(id);
const visible = (id) => !$(id).hidden;

/** A page as our HTML files hold it: only <main> with the app. */
function blankPage() {
  installDom();
  document.body.append(el('main', {}, el('div', { id: 'app', hidden: true }, el('div', { id: 'global-message' }))));
}

/** The server: a session token, the signed-in user (or none), logins and logouts. */
function server(user) {
  const session = { user };
  answerWith((url, init) => {
    if (url === '/camunda/app/welcome/default/') {
      return new Response('', { status: 200, headers: { 'X-XSRF-TOKEN': 'T' } });
    }
    if (url === AUTH) {
      return session.user ? json(200, { userId: session.user, authorizedApps: ['welcome'] }) : json(404, {});
    }
    if (url === `${AUTH}/login/welcome`) {
      session.user = new URLSearchParams(init.body).get('username');
      return json(200, { userId: session.user });
    }
    if (url === `${AUTH}/logout`) {
      session.user = null;
      return json(200, {});
    }
    return json(404, {});
  });
  return session;
}

async function until(condition) {
  for (let i = 0; i < 200 && !condition(); i += 1) {
    await pause(5);
  }
  assert.ok(condition(), 'the page did not get there');
}

beforeEach(() => {
  calls.length = 0;
  blankPage();
});

test('the frame is built once around the page: header with the section, user box, login panel, footer', async () => {
  server('admin');
  const rendered = [];
  await mountPage({
    section: '演示邮箱',
    login: { heading: '管理员登录', hint: '只有系统管理员可以查看。' },
    load: async () => ['一封邮件'],
    render: (data, user) => rendered.push([data, user.userId]),
  });
  const header = document.querySelector('header');
  assert.equal(header.querySelector('h1').textContent, '众创空间认定与管理系统 · 演示邮箱');
  assert.equal(header.querySelector('.org').textContent, '朔州市科学技术局');
  assert.equal(document.querySelector('footer').textContent, '朔州市科学技术局 · 众创空间认定与管理系统');
  assert.equal($('login-panel').querySelector('h2').textContent, '管理员登录');
  assert.equal($('login-panel').querySelector('.hint').textContent, '只有系统管理员可以查看。');
  assert.equal(document.querySelector('label[for="login-password"]').textContent, '密码');
  assert.deepEqual(rendered, [[['一封邮件'], 'admin']]);
  assert.ok(visible('app') && visible('user-box'));
  assert.ok(!visible('login-panel') && !visible('loading'));
  assert.equal($('user-name').textContent, 'admin');
});

test('without a session the login form shows; a login opens the page, a logout closes it', async () => {
  const session = server(null);
  let left = 0;
  const rendered = [];
  await mountPage({
    section: '规则管理',
    load: async () => {
      if (!session.user) {
        throw new NotLoggedIn(401, '未登录');
      }
      return 6;
    },
    render: (data) => rendered.push(data),
    onLeave: () => { left += 1; },
  });
  assert.ok(visible('login-panel') && !visible('app') && !visible('login-error'));
  assert.equal(document.activeElement, $('login-username'));

  $('login-username').value = ' ruleadmin1 ';
  $('login-password').value = 'Hatch-N-Yc';
  $('login-form').dispatchEvent({ type: 'submit' });
  await until(() => rendered.length === 1);
  const login = calls.find((c) => c.url === `${AUTH}/login/welcome`);
  assert.equal(login.headers['X-XSRF-TOKEN'], 'T');
  assert.equal(login.body, 'username=ruleadmin1&password=Hatch-N-Yc');
  assert.equal($('login-password').value, '', 'the password is not kept');
  assert.ok(visible('app') && !visible('login-panel'));
  assert.equal($('user-name').textContent, 'ruleadmin1');

  $('logout-button').click();
  await until(() => visible('login-panel'));
  assert.ok(!visible('app') && !visible('user-box'));
  assert.ok(left >= 1, 'the page tidies up when it gives way to the login form');
  assert.ok(calls.some((c) => c.url === `${AUTH}/logout` && c.method === 'POST'));
});

test('a refusal (no role) shows the page frame with the Chinese message', async () => {
  server('operator1');
  await mountPage({
    section: '工作日历',
    load: async () => { throw new ApiError(403, '无权查看工作日历'); },
    render: () => assert.fail('nothing to render'),
  });
  assert.ok(visible('app') && visible('user-box'));
  assert.equal($('global-message').textContent, '无权查看工作日历');
});

test('a wrong password is said at the login form', async () => {
  answerWith((url) => (url === `${AUTH}/login/welcome`
    ? json(401, {})
    : url === AUTH ? json(404, {}) : new Response('', { status: 200, headers: { 'X-XSRF-TOKEN': 'T' } })));
  await mountPage({ section: '申报单位', load: async () => { throw new NotLoggedIn(401, ''); }, render: () => {} });
  $('login-username').value = 'operator1';
  $('login-password').value = 'wrong';
  $('login-form').dispatchEvent({ type: 'submit' });
  await until(() => visible('login-error'));
  assert.match($('login-error').textContent, /用户名或密码不正确/);
  assert.equal($('login-submit').disabled, false);
});

test('an empty login is said in Chinese at its fields, without asking the server', async () => {
  server(null);
  await mountPage({ section: '申报单位', load: async () => { throw new NotLoggedIn(401, ''); }, render: () => {} });
  const before = calls.length;
  $('login-username').value = 'operator1';
  $('login-password').value = '';
  $('login-form').dispatchEvent({ type: 'submit' });
  await until(() => visible('login-error'));
  assert.match($('login-error').textContent, /请输入密码/);
  assert.equal($('login-password').getAttribute('aria-invalid'), 'true');
  assert.notEqual($('login-username').getAttribute('aria-invalid'), 'true');
  assert.ok(!calls.slice(before).some((c) => c.url === `${AUTH}/login/welcome`), 'no login asked');
});
