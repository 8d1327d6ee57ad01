import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';

const { amount, amountOf, beijingDay, codeLabel, dateTime, day, hasLabel, number, ratio, toDate } = await common('readable.js');

test('codes read as the Chinese labels of the shared dictionary', () => {
  assert.equal(codeLabel('county', 'shuocheng'), '朔城区');
  assert.equal(codeLabel('recommend', true), '推荐认定');
  assert.ok(hasLabel('premises', 'leased'));
  assert.ok(!hasLabel('premises', 'rented'));
  assert.equal(codeLabel('premises', 'rented'), 'rented');
  assert.equal(codeLabel('county', null), '');
});

test('dates read as 2026年12月6日 14:30, Beijing time, from every form the server sends', () => {
  assert.equal(dateTime('2026-12-06T06:30:00Z'), '2026年12月6日 14:30');
  assert.equal(dateTime('2026-03-02T09:00:00.000+0800'), '2026年3月2日 09:00');
  assert.equal(dateTime(String(Date.UTC(2026, 11, 5, 16, 0))), '2026年12月6日 00:00');
  assert.equal(dateTime(null), '');
  assert.equal(dateTime('不是日期'), '不是日期');
  assert.equal(toDate(''), null);
});

test('ratios read as part/whole with a percentage', () => {
  assert.equal(ratio(2, 3), '2/3（67%）');
  assert.equal(ratio(0, 0), '0/0');
});

test('calendar days read as 2026年3月5日, without a time zone to shift them', () => {
  assert.equal(day('2026-03-05'), '2026年3月5日');
  assert.equal(day('2026-12-31'), '2026年12月31日');
  assert.equal(day(null), '');
  assert.equal(day('不是日期'), '不是日期');
});

test('today is the day in Beijing, already the next one there at 16:00 UTC', () => {
  assert.equal(beijingDay(new Date(Date.UTC(2026, 11, 7, 15, 59))), '2026-12-07');
  assert.equal(beijingDay(new Date(Date.UTC(2026, 11, 7, 16, 0))), '2026-12-08');
  assert.equal(beijingDay(new Date(Date.UTC(2026, 2, 4, 20, 0))), '2026-03-05');
});

test('amounts read with their digits grouped by thousands (1,000,000 元), from the dictionary\'s units', () => {
  assert.equal(number(1000000), '1,000,000');
  assert.equal(number('1234567.5'), '1,234,567.5');
  assert.equal(number(800), '800');
  assert.equal(number(null), '');
  assert.equal(number('不是数字'), '不是数字');
  assert.equal(amount(1000000), '1,000,000 元');
  assert.equal(amount(0), '0 元');
  assert.equal(amount(undefined), '');
  assert.equal(amountOf('seedFundAmount', 1000000), '1,000,000 元');
  assert.equal(amountOf('rewardAmount', 50000), '50,000 元');
  assert.equal(amountOf('mentorCount', 12), null);
});

test('the engine\'s permission codes and group types read as Chinese labels', () => {
  assert.equal(codeLabel('permission', 'ACCESS'), '访问');
  assert.equal(codeLabel('permission', 'ALL'), '全部权限');
  assert.equal(codeLabel('permission', 'TASK_WORK'), '办理任务');
  assert.equal(codeLabel('groupType', 'WORKFLOW'), '业务组');
  assert.equal(codeLabel('groupType', '自定义'), '自定义');
});
