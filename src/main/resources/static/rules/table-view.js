// Read-only rendering of a decision table (GET /api/rules/{key} → table) as an HTML table.

import { el } from '/common/dom.js';
import { AGGREGATION_LABELS, HIT_POLICY_LABELS, TYPE_LABELS } from './format.js';

function typeLabel(typeRef) {
  if (!typeRef) {
    return null;
  }
  return TYPE_LABELS[typeRef] ? `${TYPE_LABELS[typeRef]}（${typeRef}）` : typeRef;
}

function isEmptyEntry(text) {
  return text === null || text === undefined || String(text).trim() === '' || String(text).trim() === '-';
}

/** A column label without its explanation in brackets: "空间类型（university：…）" → "空间类型". */
function shortLabel(label) {
  if (!label) {
    return label;
  }
  const cut = label.search(/[（(]/);
  return cut > 0 ? label.slice(0, cut) : label;
}

function hitPolicyLine(table, inputs, outputs, rules) {
  const policy = String(table.hitPolicy || 'UNIQUE').toUpperCase();
  return el('p', { className: 'table-meta' },
    '命中策略：', el('strong', {}, HIT_POLICY_LABELS[policy] || policy),
    table.aggregation ? ['；聚合：', el('strong', {}, AGGREGATION_LABELS[table.aggregation] || table.aggregation)] : null,
    `；共 ${inputs.length} 个输入、${outputs.length} 个输出、${rules.length} 条规则。`);
}

/** Inputs and outputs: what each column reads or writes. */
function definitions(inputs, outputs) {
  return el('details', { className: 'definitions' },
    el('summary', {}, '输入与输出定义'),
    el('table', { className: 'data' },
      el('thead', {}, el('tr', {}, el('th', {}, '类别'), el('th', {}, '名称'), el('th', {}, '表达式 / 结果变量'), el('th', {}, '类型'))),
      el('tbody', {},
        inputs.map((i) => el('tr', {}, el('td', {}, '输入'), el('td', {}, i.label || '—'),
          el('td', { className: 'mono' }, i.expression || '—'), el('td', {}, typeLabel(i.typeRef) || '—'))),
        outputs.map((o) => el('tr', {}, el('td', {}, '输出'), el('td', {}, o.label || '—'),
          el('td', { className: 'mono' }, o.name || '—'), el('td', {}, typeLabel(o.typeRef) || '—'))))));
}

/** A single rule with many outputs (a parameter table such as certification-policy): one row per output. */
function parameterTable(inputs, outputs, rule, id) {
  const conditions = (rule.inputEntries || [])
    .map((text, i) => ({ text, input: inputs[i] || {} }))
    .filter((c) => !isEmptyEntry(c.text));
  return el('table', { className: 'dmn compact parameters', id },
    el('caption', {}, `规则：${rule.description || rule.id || ''}`,
      conditions.length ? `（条件：${conditions.map((c) => `${shortLabel(c.input.label) || c.input.expression} ${c.text}`).join('；')}）` : '（无条件，始终命中）'),
    el('thead', {}, el('tr', {},
      el('th', { className: 'sticky-1' }, '序号'), el('th', {}, '参数'), el('th', {}, '变量名'), el('th', { className: 'out-group' }, '值'))),
    el('tbody', { dataset: { ruleId: rule.id || '' } }, outputs.map((o, i) => el('tr', { dataset: { outputId: o.id || '' } },
      el('td', { className: 'sticky-1' }, String(i + 1)),
      el('td', {}, o.label || o.name || o.id),
      el('td', { className: 'mono' }, o.name || ''),
      el('td', { className: 'entry out' }, (rule.outputEntries || [])[i] || '')))));
}

/** One row per rule; only the inputs a rule restricts are listed, outputs in their own columns. */
function compactTable(inputs, outputs, rules, id) {
  if (rules.length === 1 && outputs.length > 4) {
    return parameterTable(inputs, outputs, rules[0], id);
  }
  const head = el('tr', {},
    el('th', { className: 'sticky-1' }, '序号'),
    el('th', {}, '规则说明'),
    el('th', { className: 'in-group' }, '条件（只列出有限制的输入，其余不限）'),
    outputs.map((o) => el('th', { className: 'out-group', title: o.name || '' }, o.label || o.name || o.id)));
  const body = el('tbody', {}, rules.map((rule, index) => {
    const conditions = (rule.inputEntries || [])
      .map((text, i) => ({ text, input: inputs[i] || {} }))
      .filter((c) => !isEmptyEntry(c.text));
    return el('tr', { dataset: { ruleId: rule.id || '' } },
      el('td', { className: 'sticky-1' }, String(index + 1)),
      el('td', { className: 'rule-description' }, rule.description || ''),
      el('td', { className: 'conditions' }, conditions.length
        ? conditions.map((c) => el('div', { className: 'condition' },
          el('span', { className: 'cond-label', title: c.input.label || '' }, `${shortLabel(c.input.label) || c.input.expression}：`),
          el('code', {}, c.text)))
        : el('span', { className: 'any' }, '（无条件，始终命中）')),
      (rule.outputEntries || []).map((text) => el('td', { className: 'entry out' }, isEmptyEntry(text) ? '' : text)));
  }));
  if (!rules.length) {
    body.appendChild(el('tr', {}, el('td', { colspan: String(outputs.length + 3) }, '（没有规则）')));
  }
  return el('table', { className: 'dmn compact', id }, el('thead', {}, head), body);
}

/** The decision table exactly as laid out in DMN: every input and output a column. */
function fullTable(inputs, outputs, rules, id) {
  const groups = el('tr', { className: 'groups' },
    el('th', { rowspan: '2', className: 'sticky-1' }, '序号'),
    el('th', { rowspan: '2', className: 'sticky-2' }, '规则说明'),
    inputs.length ? el('th', { colspan: String(inputs.length), className: 'in-group' }, '条件（输入）') : null,
    outputs.length ? el('th', { colspan: String(outputs.length), className: 'out-group' }, '结果（输出）') : null);

  const columns = el('tr', {},
    inputs.map((input) => el('th', { dataset: { inputId: input.id || '' } },
      el('div', { className: 'col-label' }, input.label || input.expression || input.id),
      input.expression ? el('div', { className: 'col-expr' }, input.expression) : null,
      input.typeRef ? el('div', { className: 'col-type' }, typeLabel(input.typeRef)) : null)),
    outputs.map((output) => el('th', { dataset: { outputId: output.id || '' } },
      el('div', { className: 'col-label' }, output.label || output.name || output.id),
      output.name ? el('div', { className: 'col-expr' }, output.name) : null,
      output.typeRef ? el('div', { className: 'col-type' }, typeLabel(output.typeRef)) : null)));

  const body = el('tbody', {}, rules.map((rule, index) => el('tr', { dataset: { ruleId: rule.id || '' } },
    el('td', { className: 'sticky-1' }, String(index + 1)),
    el('td', { className: 'sticky-2' }, rule.description || ''),
    (rule.inputEntries || []).map((text) => isEmptyEntry(text)
      ? el('td', { className: 'entry any', title: '不限' }, '—')
      : el('td', { className: 'entry' }, text)),
    (rule.outputEntries || []).map((text) => el('td', { className: 'entry out' }, isEmptyEntry(text) ? '' : text)))));

  if (!rules.length) {
    body.appendChild(el('tr', {}, el('td', { colspan: String(inputs.length + outputs.length + 2) }, '（没有规则）')));
  }
  return el('table', { className: 'dmn full', id }, el('thead', {}, groups, columns), body);
}

/** The table as DOM: hit policy, definitions, and the rules in a compact or the full layout. */
export function renderDecisionTable(table, nested = false) {
  if (!table) {
    return el('p', { className: 'hint' }, '该决策不是决策表，无法以表格显示。');
  }
  const inputs = table.inputs || [];
  const outputs = table.outputs || [];
  const rules = table.rules || [];

  const requiredTables = (table.requiredDecisions || []).filter((d) => d && typeof d === 'object');
  const required = requiredTables.length
    ? el('p', { className: 'table-meta' }, '本表依赖的决策表（同一文件，一同修改和启用）：',
      requiredTables.map((d) => `${d.name || d.key}（${d.key || d.id || ''}）`).join('、'))
    : null;

  const compact = el('div', { className: 'table-scroll' },
    compactTable(inputs, outputs, rules, nested ? undefined : 'readable-table'));
  const full = el('div', { className: 'table-scroll', hidden: true },
    fullTable(inputs, outputs, rules, nested ? undefined : 'readable-table-full'));
  const compactButton = el('button', { type: 'button', className: 'small pressed', 'aria-pressed': 'true' }, '简明视图');
  const fullButton = el('button', { type: 'button', className: 'small', 'aria-pressed': 'false' }, '完整决策表');
  const choose = (showFull) => {
    compact.hidden = showFull;
    full.hidden = !showFull;
    compactButton.classList.toggle('pressed', !showFull);
    fullButton.classList.toggle('pressed', showFull);
    compactButton.setAttribute('aria-pressed', String(!showFull));
    fullButton.setAttribute('aria-pressed', String(showFull));
  };
  compactButton.addEventListener('click', () => choose(false));
  fullButton.addEventListener('click', () => choose(true));

  return el('div', {},
    hitPolicyLine(table, inputs, outputs, rules),
    required,
    el('div', { className: 'view-switch' }, compactButton, fullButton),
    definitions(inputs, outputs),
    compact,
    full,
    requiredTables.map((sub) => el('section', { className: 'required-table', dataset: { decisionKey: sub.key || '' } },
      el('h4', {}, `依赖的决策表：${sub.name || sub.key}`, el('span', { className: 'key mono' }, sub.key || '')),
      renderDecisionTable(sub, true))));
}
