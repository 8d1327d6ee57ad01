import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';

const { ApiError, NotLoggedIn, asError, defaultMessage, readError } = await common('errors.js');

test('reads the current error body: its message and its field errors', () => {
  const error = readError(400, {
    type: 'InvalidInput',
    message: '输入有误：统一社会信用代码格式不正确',
    errors: [{ field: 'creditCode', message: '统一社会信用代码格式不正确' }],
  });
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 400);
  assert.equal(error.message, '输入有误：统一社会信用代码格式不正确');
  assert.deepEqual(error.errors.map((e) => [e.field, e.message]), [['creditCode', '统一社会信用代码格式不正确']]);
});

test('reads RFC 9457 problem details: the detail is the message, errors keep their fields', () => {
  const error = readError(400, {
    type: 'about:blank',
    title: '请求被拒绝',
    status: 400,
    detail: '密码过于常见，请换一个',
    errors: [{ field: 'password', message: '密码过于常见' }],
  });
  assert.equal(error.message, '密码过于常见，请换一个');
  assert.equal(error.errors[0].field, 'password');
  assert.equal(error.errors[0].message, '密码过于常见');
});

test('a problem without detail is named by its title', () => {
  assert.equal(readError(403, { title: '无权执行此操作', status: 403 }).message, '无权执行此操作');
});

test('the rules API keeps the code of each problem; plain strings become messages', () => {
  const error = readError(400, {
    message: '检查未通过',
    errors: [{ field: 'xml', code: 'NOT_FEEL', message: '表达式语言必须是FEEL' }, '文件为空'],
  });
  assert.deepEqual(error.errors.map((e) => [e.field, e.code, e.message]),
    [['xml', 'NOT_FEEL', '表达式语言必须是FEEL'], [null, null, '文件为空']]);
});

test('a body that says nothing gets the status text in Chinese', () => {
  assert.equal(readError(403, null).message, defaultMessage(403));
  assert.equal(readError(502, { errors: 'not a list' }).message, '服务器处理失败（HTTP 502），请稍后再试或联系系统运维人员。');
  assert.deepEqual(readError(502, { errors: 'not a list' }).errors, []);
  assert.equal(readError(418, '').message, '请求失败（HTTP 418）。');
});

test('401 is a lost session', () => {
  const error = readError(401, { type: 'AuthenticationRequired', message: '未登录：请先登录' });
  assert.ok(error instanceof NotLoggedIn);
  assert.equal(error.message, '未登录：请先登录');
  assert.ok(!(readError(403, {}) instanceof NotLoggedIn));
});

test('anything thrown becomes an error with a message', () => {
  const error = new Error('x');
  assert.equal(asError(error), error);
  assert.equal(asError('断网').message, '断网');
});
