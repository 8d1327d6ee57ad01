import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';

const { chineseTitle } = await common('dmn-zh.js');

test("dmn-js's tooltips in Chinese: whole titles and a caption before the column's own name", () => {
  assert.equal(chineseTitle('Input type'), '输入类型');
  assert.equal(chineseTitle('Collects the values of all matching rules'), '收集全部命中规则的取值');
  assert.equal(chineseTitle('Input label: 空间类型（university：大专院校校内）'), '输入名称：空间类型（university：大专院校校内）');
  assert.equal(chineseTitle('Output name: reviewGroup'), '输出变量名：reviewGroup');
});

test('any other title stays as it is', () => {
  assert.equal(chineseTitle('Powered by bpmn.io'), null);
  assert.equal(chineseTitle('输入类型'), null);
  assert.equal(chineseTitle('Input labels'), null);
});
