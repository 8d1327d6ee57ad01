import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';

const { append, el, fill, formatTime, hide, show, showError } = await common('dom.js');

test('text stays text: markup in data never becomes elements', () => {
  const cell = el('td', { className: 'name', dataset: { key: 'k1' }, title: '说明' }, '<b>青创</b>', 7, null, false);
  assert.equal(cell.textContent, '<b>青创</b>7');
  assert.equal(cell.children.length, 0);
  assert.equal(cell.className, 'name');
  assert.equal(cell.dataset.key, 'k1');
  assert.equal(cell.getAttribute('title'), '说明');
});

test('children nest, lists flatten, handlers are bound, flags are set', () => {
  let clicked = 0;
  const button = el('button', { type: 'button', onClick: () => { clicked += 1; }, hidden: true }, '提交');
  const row = el('div', {}, [el('span', {}, '一'), [el('span', {}, '二')]], button);
  assert.deepEqual(row.children.map((c) => c.textContent), ['一', '二', '提交']);
  button.click();
  assert.equal(clicked, 1);
  assert.equal(button.hidden, true);
  show(button);
  assert.equal(button.hidden, false);
  hide(button, row);
  assert.equal(row.hidden, true);
});

test('fill replaces what was there, append adds to it', () => {
  const box = el('div', {}, '旧');
  fill(box, '新', el('em', {}, '！'));
  assert.equal(box.textContent, '新！');
  assert.equal(append(box, el('span', {}, '一'), ['二', null]), box);
  assert.equal(box.textContent, '新！一二');
});

test('a style object sets style properties (the Cockpit plugins fold rows this way)', () => {
  const row = el('tr', { style: { display: 'none' } });
  assert.equal(row.style.display, 'none');
  assert.equal(row.getAttribute('style'), null);
});

test('an error shows its message and each item, in a red box when the container is plain', () => {
  const plain = el('div');
  showError(plain, { message: '检查未通过', errors: [{ code: 'NOT_FEEL', message: '须为FEEL' }, { field: 'reason', message: '请填写原因' }, '其他'] });
  const box = plain.children[0];
  assert.equal(box.className, 'message error');
  assert.equal(box.getAttribute('role'), 'alert');
  assert.equal(box.children[0].textContent, '检查未通过');
  assert.deepEqual(box.children[1].children.map((li) => li.textContent), ['NOT_FEEL：须为FEEL', 'reason：请填写原因', '其他']);
  const messageBox = el('div', { className: 'message error', hidden: true });
  showError(messageBox, {});
  assert.equal(messageBox.textContent, '操作失败。');
  assert.equal(messageBox.hidden, false);
});

test('no time reads as a dash', () => {
  assert.equal(formatTime(''), '—');
  assert.equal(formatTime('2026-12-06T06:30:00Z'), '2026年12月6日 14:30');
});

test('whileBusy: a second press while the first is answered runs nothing; the button is free again after', async () => {
  const { whileBusy } = await common('dom.js');
  const button = el('button', { type: 'submit' }, '提交');
  let runs = 0;
  let answer;
  const first = whileBusy(button, () => new Promise((resolve) => { runs += 1; answer = resolve; }));
  assert.equal(button.disabled, true);
  assert.equal(await whileBusy(button, async () => { runs += 1; }), undefined);
  answer('已提交');
  assert.equal(await first, '已提交');
  assert.equal(runs, 1);
  assert.equal(button.disabled, false);
  await assert.rejects(whileBusy(button, async () => { throw new Error('拒绝'); }), /拒绝/);
  assert.equal(button.disabled, false);
});

test('a checksum shows its first 12 characters, the whole value on hover and for screen readers', async () => {
  const { checksum } = await common('dom.js');
  const sha256 = 'e54f12f94aee0123456789abcdef0123456789abcdef0123456789abcdef0123';
  const code = checksum(sha256);
  assert.equal(code.tagName.toLowerCase(), 'code');
  assert.equal(code.textContent, 'e54f12f94aee…');
  assert.equal(code.getAttribute('title'), sha256);
});
