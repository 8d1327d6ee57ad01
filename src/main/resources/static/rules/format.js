// Chinese labels of the rule page (the application's codes: the shared dictionary, /common/readable.js).

import { codeLabel, hasLabel } from '/common/readable.js';

export const SOURCE_LABELS = {
  release: '随版本发布',
  'rule-admin': '规则管理员修改',
  rollback: '回滚',
};

export const HIT_POLICY_LABELS = {
  UNIQUE: '唯一命中（UNIQUE）：最多一条规则命中',
  FIRST: '首条命中（FIRST）：按顺序取第一条命中的规则',
  PRIORITY: '优先级（PRIORITY）：按输出值的优先级取一条',
  ANY: '任意命中（ANY）：命中的规则输出必须相同',
  COLLECT: '收集（COLLECT）：输出所有命中规则的结果',
  'RULE ORDER': '规则顺序（RULE ORDER）：按规则顺序输出所有命中结果',
  RULE_ORDER: '规则顺序（RULE ORDER）：按规则顺序输出所有命中结果',
  'OUTPUT ORDER': '输出顺序（OUTPUT ORDER）：按输出优先级输出所有命中结果',
  OUTPUT_ORDER: '输出顺序（OUTPUT ORDER）：按输出优先级输出所有命中结果',
};

export const AGGREGATION_LABELS = {
  SUM: '求和',
  MIN: '最小值',
  MAX: '最大值',
  COUNT: '计数',
};

export const TYPE_LABELS = {
  string: '文本',
  double: '数值',
  integer: '整数',
  long: '整数',
  boolean: '是/否',
  date: '日期',
};

export function sourceLabel(source) {
  return SOURCE_LABELS[source] || source || '—';
}

/** A value of a case input or a decision result, for people; a code by the dictionary's table of {@code name}. */
export function formatValue(value, name) {
  if (value === null || value === undefined) {
    return '（未填写）';
  }
  if (name && hasLabel(name, value)) {
    return codeLabel(name, value);
  }
  if (value === true) {
    return '是';
  }
  if (value === false) {
    return '否';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}
