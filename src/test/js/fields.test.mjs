import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';

const { el } = await common('dom.js');
const { clearFieldErrors, plainMessage, showFieldErrors, showFormError } = await common('fields.js');

function form() {
  return el('form', {},
    el('label', { for: 'reg-email' }, '电子邮箱'),
    el('input', { id: 'reg-email', name: 'email', 'aria-describedby': 'email-hint' }),
    el('input', { id: 'reg-phone', name: 'phone' }),
    el('div', { id: 'festivals', dataset: { field: 'entry.holidays' } }));
}

test('an error is written at its field, which is marked invalid and described by it', () => {
  const f = form();
  const unplaced = showFieldErrors(f, [
    { field: 'email', message: '电子邮箱格式不正确' },
    { field: 'entry.holidays', message: '春节放假日期不完整' },
    { field: 'county', message: '请选择所在县（区）' },
    { message: '请稍后再试' },
  ]);
  const email = f.querySelector('#reg-email');
  const note = f.querySelector('#reg-email-field-error');
  assert.equal(note.textContent, '电子邮箱格式不正确');
  assert.equal(f.childNodes.indexOf(note), f.childNodes.indexOf(email) + 1, 'the message follows its field');
  assert.equal(email.getAttribute('aria-invalid'), 'true');
  assert.equal(email.getAttribute('aria-describedby'), 'email-hint reg-email-field-error');
  assert.equal(f.querySelector('#festivals-field-error').textContent, '春节放假日期不完整');
  assert.equal(f.querySelector('#reg-phone').getAttribute('aria-invalid'), null);
  assert.deepEqual(unplaced.map((e) => e.message), ['请选择所在县（区）', '请稍后再试']);
});

test('two errors of one field share one message; clearing restores the field', () => {
  const f = form();
  showFieldErrors(f, [{ field: 'phone', message: '不能为空' }, { field: 'phone', message: '须为11位数字' }]);
  assert.equal(f.querySelectorAll('.field-error').length, 1);
  assert.equal(f.querySelector('#reg-phone-field-error').textContent, '不能为空；须为11位数字');
  showFieldErrors(f, [{ field: 'email', message: '格式不正确' }]);
  assert.equal(f.querySelector('#reg-phone-field-error'), null, 'a new refusal replaces the old messages');
  clearFieldErrors(f);
  const email = f.querySelector('#reg-email');
  assert.equal(f.querySelectorAll('.field-error').length, 0);
  assert.equal(email.getAttribute('aria-invalid'), null);
  assert.equal(email.getAttribute('aria-describedby'), 'email-hint');
});

test('a form refusal: fields get their errors, the box the message and the rest, the first field the focus', () => {
  const f = form();
  const box = el('div', { className: 'message error', hidden: true });
  showFormError(f, box, {
    message: '输入有误：电子邮箱格式不正确',
    errors: [{ field: 'email', message: '电子邮箱格式不正确' }, { field: 'userId', message: '用户名已被占用' }],
  });
  assert.equal(box.hidden, false);
  assert.equal(box.children[0].textContent, '输入有误：电子邮箱格式不正确');
  assert.deepEqual(box.children[1].children.map((li) => li.textContent), ['userId：用户名已被占用']);
  assert.equal(document.activeElement, f.querySelector('#reg-email'));
});

test('an error of a radio group is written at the group marked with its name, not lost', () => {
  const f = el('form', {},
    el('fieldset', { id: 'field-premises', dataset: { field: 'premises' } },
      el('input', { type: 'radio', name: 'premises', value: 'owned' }),
      el('input', { type: 'radio', name: 'premises', value: 'leased' })));
  const unplaced = showFieldErrors(f, [{ field: 'premises', message: '请选择场地性质' }]);
  assert.deepEqual(unplaced, []);
  assert.equal(f.querySelector('#field-premises-field-error').textContent, '请选择场地性质');
  assert.equal(f.querySelector('#field-premises').getAttribute('aria-invalid'), 'true');
});

test('the field names the API adds for integrators are not shown to people', () => {
  const f = form();
  const box = el('div', { className: 'message error', hidden: true });
  showFormError(f, box, {
    message: '输入有误：电子邮箱（email）格式不正确',
    errors: [{ field: 'email', message: '电子邮箱（email）格式不正确' }],
  });
  assert.equal(f.querySelector('#reg-email-field-error').textContent, '电子邮箱格式不正确');
  assert.equal(box.children[0].textContent, '输入有误：电子邮箱格式不正确');
});

test('a refusal without a form is one line, without the field names the API writes for integrators', () => {
  const refusal = {
    message: '输入有误：文件（file）类型不受支持：只接收PDF、JPEG、PNG文件',
    errors: [{ field: 'file', message: '文件（file）类型不受支持：只接收PDF、JPEG、PNG文件' }],
  };
  assert.equal(plainMessage(refusal), '输入有误：文件类型不受支持：只接收PDF、JPEG、PNG文件');
  assert.equal(plainMessage({ message: '文件过大。' }), '文件过大。');
});

test('a refused field that is changed loses its message; the summary names what is left, then goes', () => {
  const f = form();
  const box = el('div', { className: 'message error', hidden: true });
  showFormError(f, box, {
    message: '输入有误：电子邮箱（email）格式不正确；联系电话（phone）须为11位数字',
    errors: [{ field: 'email', message: '电子邮箱（email）格式不正确' }, { field: 'phone', message: '联系电话（phone）须为11位数字' }],
  });
  const email = f.querySelector('#reg-email');
  f.dispatchEvent({ type: 'input', target: email }); // the browser's event bubbles from the field to the form
  assert.equal(f.querySelector('#reg-email-field-error'), null);
  assert.equal(email.getAttribute('aria-invalid'), null);
  assert.equal(email.getAttribute('aria-describedby'), 'email-hint', 'the field keeps its own hint');
  assert.equal(box.hidden, false);
  assert.equal(box.children[0].textContent, '输入有误：联系电话须为11位数字');
  f.dispatchEvent({ type: 'input', target: email }); // changed again: nothing more to take back
  assert.equal(box.hidden, false);
  f.dispatchEvent({ type: 'change', target: f.querySelector('#reg-phone') });
  assert.equal(f.querySelector('#reg-phone-field-error'), null);
  assert.equal(box.hidden, true, 'every refused field changed: the summary goes');
});
