// Chinese for the DMN tables of dmn-js: the rule page's editor and viewer (dmn-js 10) and Cockpit's
// decision definition and decision instance pages (its own dmn-js viewer). dmn-js passes most labels
// through its `translate` service, which the rule page replaces; the hit-policy caption and names, the
// viewer's column captions and a few menu values are written without it, and Cockpit's viewer has no
// Chinese `translate` at all, so they are translated where dmn-js renders them (see localise below).

const WORDS = {
  When: '当', And: '且', Then: '则', Annotations: '备注',
  Input: '输入', Output: '输出', 'Add Input': '添加输入', 'Add Output': '添加输出',
  'Input Label': '输入名称', 'Input Expression': '输入表达式', 'Input Variable': '输入变量',
  'Input Type': '输入类型', 'Input Values': '输入取值', 'Output Label': '输出名称', 'Output Name': '输出变量名',
  'Output Type': '输出类型', 'Output Values': '输出取值', 'Expression Language': '表达式语言',
  'Expression Language = {expressionLanguageLabel}': '表达式语言 = {expressionLanguageLabel}',
  Expression: '表达式', Type: '类型', 'Change type': '更改类型', 'Predefined Values': '预设取值',
  'Add Predefined Values': '添加预设取值', 'Add Values': '添加取值', 'Clear predefined values.': '清除预设取值。',
  'No values': '无取值', 'Set Value': '设置取值', 'Edit String': '编辑文字',
  'Strings must be in double quotes.': '文字须写在英文双引号内。',
  'Change Cell Expression Language': '更改单元格表达式语言',
  'Add Cell Description': '添加单元格说明', 'Remove Cell Description': '删除单元格说明',
  'Add Rule Above': '在上方添加规则', 'Add Rule Below': '在下方添加规则', 'Remove Rule': '删除规则',
  'Copy Rule': '复制规则', 'Cut Rule': '剪切规则', 'Paste Rule Above': '粘贴规则到上方', 'Paste Rule Below': '粘贴规则到下方',
  'Add Input Column Left': '在左侧添加输入列', 'Add Input Column Right': '在右侧添加输入列',
  'Remove Input Column': '删除输入列', 'Copy Input Column': '复制输入列', 'Cut Input Column': '剪切输入列',
  'Paste Input Column Left': '粘贴输入列到左侧', 'Paste Input Column Right': '粘贴输入列到右侧',
  'Add Output Column Left': '在左侧添加输出列', 'Add Output Column Right': '在右侧添加输出列',
  'Remove Output Column': '删除输出列', 'Copy Output Column': '复制输出列', 'Cut Output Column': '剪切输出列',
  'Paste Output Column Left': '粘贴输出列到左侧', 'Paste Output Column Right': '粘贴输出列到右侧',
  Remove: '删除', Resize: '调整大小', 'Add Rule': '添加规则', 'Move rule': '移动规则', 'Move Input': '移动输入列',
  'Move Output': '移动输出列', Edit: '编辑',
  // written without `translate`
  'Hit Policy:': '命中策略：', 'Hit policy:': '命中策略：', 'View DRD': '查看决策需求图', Unique: '唯一命中（UNIQUE）', First: '首条命中（FIRST）', Priority: '优先级（PRIORITY）',
  Any: '任意命中（ANY）', Collect: '收集（COLLECT）', 'Collect (Sum)': '收集求和（COLLECT SUM）',
  'Collect (Min)': '收集最小值（COLLECT MIN）', 'Collect (Max)': '收集最大值（COLLECT MAX）',
  'Collect (Count)': '收集计数（COLLECT COUNT）', 'Rule order': '规则顺序（RULE ORDER）',
  'Output order': '输出顺序（OUTPUT ORDER）', Yes: '是', No: '否', Exactly: '等于', Before: '早于',
  After: '晚于', Between: '介于', Equals: '等于', Less: '小于', 'Less or equals': '小于等于',
  Greater: '大于', 'Greater or equals': '大于等于', Include: '包含',
};

// dmn-js writes each column's type (its typeRef) under the column's name; people read these
// names, while the file keeps the type itself (only the text shown is replaced, never the model).
const TYPES = {
  string: '文本', boolean: '是/否', double: '数值', integer: '整数', long: '整数', number: '数值', date: '日期时间',
};

// The tooltips of the captions and of the hit policy, as Cockpit's viewer writes them: a whole title,
// or a caption followed by the name it explains (Input label: 空间类型).
const TITLES = {
  'Input label: ': '输入名称：', 'Input expression: ': '输入表达式：', 'Output label: ': '输出名称：',
  'Output name: ': '输出变量名：', 'Decision name: ': '决策名称：', 'Decision Name: ': '决策名称：',
  'Add Rule': '添加规则', 'Move rule': '移动规则', 'Move Input': '移动输入列', 'Move Output': '移动输出列', Edit: '编辑', 'Input type': '输入类型', 'Output type': '输出类型',
  'Input values': '输入取值', 'Output values': '输出取值', 'Output label': '输出名称', 'Output name': '输出变量名',
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched': '规则互不重叠，只能命中一条规则',
  'Rules may overlap. The first matching rule will be chosen': '规则可以重叠，取第一条命中的规则',
  'Rules may overlap. The one with the highest priority will be chosen': '规则可以重叠，取优先级最高的一条规则',
  'Rules may overlap. Their output have to match': '规则可以重叠，命中规则的输出必须相同',
  'Collects the values of all matching rules': '收集全部命中规则的取值',
  'Collects the values of all matching rules and sums up to a single value': '收集全部命中规则的取值并求和',
  'Collects the values of all matching rules and uses the lowest value': '收集全部命中规则的取值并取最小值',
  'Collects the values of all matching rules and uses the highest value': '收集全部命中规则的取值并取最大值',
  'Collects the values of all matching rules and counts the number of them': '收集全部命中规则的取值并计数',
  'Collects the values of all matching rules in rule order': '按规则顺序收集全部命中规则的取值',
  'Collects the values of all matching rules in decreasing output priority order': '按输出优先级从高到低收集全部命中规则的取值',
};

/** {@code title} in Chinese when it is one of dmn-js's tooltips, else null. */
export function chineseTitle(title) {
  if (Object.hasOwn(TITLES, title)) {
    return TITLES[title];
  }
  const caption = Object.keys(TITLES).find((key) => key.endsWith(': ') && title.startsWith(key));
  return caption ? TITLES[caption] + title.slice(caption.length) : null;
}

function translate(template, replacements = {}) {
  return (WORDS[template] || template).replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
}

/** The dmn-js module that replaces its `translate` service. */
export const chineseModule = { translate: ['value', translate] };

/**
 * Translates the labels dmn-js renders without `translate` (text nodes and select options inside
 * the editor, the column types under the column names) now and whenever the editor redraws. Only
 * whole known labels are replaced, so rule cells, names and expressions are never touched.
 */
export function localise(container) {
  const replace = (node) => {
    const text = node.nodeValue.trim();
    if (Object.hasOwn(TYPES, text) && node.parentElement && node.parentElement.matches('.input-variable, .output-variable')) {
      node.nodeValue = node.nodeValue.replace(text, TYPES[text]);
      return;
    }
    if (WORDS[text] && WORDS[text] !== text && node.parentElement && node.parentElement.closest(
      '.hit-policy, .dms-select-options, .context-menu, .dms-input-select, .dms-heading, .dms-list-component, .ref-language,'
      + ' .clause, th.annotation, .view-drd-button')) {
      node.nodeValue = node.nodeValue.replace(text, WORDS[text]);
    }
  };
  const retitle = (element) => {
    const title = element.getAttribute('title');
    const chinese = title && chineseTitle(title);
    if (chinese) {
      element.setAttribute('title', chinese);
    }
  };
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      replace(node);
    }
    if (root.nodeType === Node.ELEMENT_NODE) {
      [root, ...root.querySelectorAll('[title]')].forEach(retitle);
    }
  };
  walk(container);
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'characterData') {
        replace(change.target);
      } else if (change.type === 'attributes') {
        retitle(change.target);
      }
      change.addedNodes.forEach((node) => (node.nodeType === Node.TEXT_NODE ? replace(node) : walk(node)));
    }
  });
  observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['title'] });
  return observer;
}
