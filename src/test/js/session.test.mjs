import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerWith, calls, common, json } from './support/env.mjs';

const { ApiError, NotLoggedIn, request } = await common('session.js');

const WELCOME = '/camunda/app/welcome/default/';

beforeEach(() => {
  calls.length = 0;
});

test('a POST carries the session\'s CSRF token, fetched from the welcome page first', async () => {
  answerWith((url) => (url === WELCOME
    ? new Response('<html></html>', { status: 200, headers: { 'X-XSRF-TOKEN': 'T1' } })
    : json(201, { id: 7 })));
  const answer = await request('POST', '/api/calendar/years', { json: { year: 2027 } });
  assert.deepEqual(answer, { status: 201, data: { id: 7 } });
  const post = calls.find((c) => c.method === 'POST');
  assert.equal(post.headers['X-XSRF-TOKEN'], 'T1');
  assert.equal(post.headers['Content-Type'], 'application/json;charset=UTF-8');
  assert.equal(post.headers['X-Requested-With'], 'XMLHttpRequest');
  assert.equal(post.body, '{"year":2027}');
});

test('a refused CSRF token is fetched again and the call is repeated once', async () => {
  let posts = 0;
  answerWith((url, init) => {
    if (url === WELCOME) {
      return new Response('', { status: 200, headers: { 'X-XSRF-TOKEN': 'T2' } });
    }
    posts += 1;
    return posts === 1
      ? json(403, { type: 'CsrfTokenInvalid', message: 'CSRF' }, { 'X-XSRF-TOKEN': 'Required' })
      : json(200, { token: init.headers['X-XSRF-TOKEN'] });
  });
  const answer = await request('POST', '/api/rules/x/check', { xml: '<definitions/>' });
  assert.equal(posts, 2);
  assert.deepEqual(answer.data, { token: 'T2' });
  assert.equal(calls.at(-1).headers['Content-Type'], 'application/xml;charset=UTF-8');
});

test('a refusal is thrown as read from its body, problem details included', async () => {
  answerWith(() => json(400, {
    title: '请求被拒绝', detail: '输入有误：年份不正确', errors: [{ field: 'entry.year', message: '年份不正确' }],
  }));
  await assert.rejects(request('GET', '/api/calendar/1900'), (e) => e instanceof ApiError
    && e.status === 400 && e.message === '输入有误：年份不正确' && e.errors[0].field === 'entry.year');
});

test('401 means the session is gone', async () => {
  answerWith(() => json(401, undefined));
  await assert.rejects(request('GET', '/api/rules'), (e) => e instanceof NotLoggedIn && e.message === '登录已失效，请重新登录。');
});

test('a file is returned as text', async () => {
  answerWith(() => new Response('<definitions id="x"/>', { status: 200, headers: { 'Content-Type': 'application/xml' } }));
  const answer = await request('GET', '/api/rules/x/xml', { as: 'text' });
  assert.equal(answer.data, '<definitions id="x"/>');
  assert.match(calls.at(-1).headers.Accept, /application\/xml/);
});

test('no connection is said in Chinese', async () => {
  answerWith(() => { throw new TypeError('fetch failed'); });
  await assert.rejects(request('GET', '/api/rules'), (e) => e.status === 0 && e.message.includes('无法连接服务器'));
});
