import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';

const { chineseTitle } = await common('dmn-zh.js');

test("dmn-js's tooltips in Chinese: whole titles and a caption before the column's own name", () => {
  assert.equal(chineseTitle('Input type'), '输入类型');
  assert.equal(chineseTitle('Collects the values of all matching rules'), '收集全部命中规则的取值');
  assert.equal(chineseTitle('Input label: 空间类型（university：大专院校校内）'), '输入名称：空间类型（university：大专院校校内）');
  assert.equal(chineseTitle('Output name: reviewGroup'), '输出变量名：reviewGroup');
  // the editor's drag handles and buttons, and the decision's caption as the rule page's viewer writes it
  assert.equal(chineseTitle('Move rule'), '移动规则');
  assert.equal(chineseTitle('Move Output'), '移动输出列');
  assert.equal(chineseTitle('Add Rule'), '添加规则');
  assert.equal(chineseTitle('Decision Name: 认定管理政策参数'), '决策名称：认定管理政策参数');
});

test('any other title stays as it is', () => {
  assert.equal(chineseTitle('Powered by bpmn.io'), null);
  assert.equal(chineseTitle('输入类型'), null);
  assert.equal(chineseTitle('Input labels'), null);
});
