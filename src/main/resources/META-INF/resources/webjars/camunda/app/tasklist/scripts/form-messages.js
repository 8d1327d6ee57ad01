// Chinese texts for the Camunda Forms in Tasklist, and what is typed in them kept (at the end).
// form-js 1.8.7 (bundled in the 7.24 webapp) has no translation hook: its validation messages and
// placeholders are fixed English strings. This custom script (loaded by scripts/config.js) rewrites
// them where they appear in the page, and keeps only the newest refusal in a form's dialog; see
// bpmn/forms/README.md ("Chinese messages") for why the forms stay Camunda Forms.

// Hints for the patterns of our forms (bpmn/forms/*.form): a user reads what to enter, not a
// regular expression. A pattern missing here gets the generic hint.
const PATTERN_HINTS = {
  '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$': '应为11位手机号码或带区号的固定电话（如 0349-1234567）。',
  '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$':
    '应为18位统一社会信用代码（数字或大写字母，不含 I、O、S、V、Z）。',
  // 考察组成员 (form-on-site-inspection.form): the rule of InspectionInputListener, shown at the
  // field before 完成; the server still checks it, and alone checks names twice over and lengths.
  [String.raw`^\s*(?:[^，,：:\s]+(?:[^\S\n]*[，,：:]|[^\S\n])[^\S\n]*\S.*\n\s*){1,19}`
    + String.raw`[^，,：:\s]+(?:[^\S\n]*[，,：:]|[^\S\n])[^\S\n]*\S.*\s*$`]:
    '考察组成员应为2至20人，每行一人：姓名，所在部门（如：王明，市科技局）。',
};

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少应有 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字符。`],
  [/^Field must match pattern (.+)\.$/, (m) => PATTERN_HINTS[m[1]] || '格式不正确，请按此项下方的说明填写。'],
  [/^Field must be a valid international phone number/, () => '应为有效的电话号码。'],
  [/^Field must be a valid email\.$/, () => '应为有效的电子邮箱地址。'],
  // the number field's own checks (decimalDigits, increment of the form)
  [/^Value is not a number\.$/, () => '应为数字。'],
  [/^Value is expected to be an integer\.$/, () => '应为整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `数值不符合步长，最接近的有效值为 ${m[1]} 和 ${m[2]}。`],
];

const TEXTS = { Select: '请选择', Search: '输入姓名检索', 'No results': '没有匹配的选项', 'All values selected': '已全部选择',
  'Skip to search': '跳到检索框' };

/** form-js's English names of its controls, read out by screen readers or shown on hover. */
const CONTROL_NAMES = { Increment: '增加', Decrement: '减少', 'Remove tag': '移除' };
const NAMING_ATTRIBUTES = ['aria-label', 'title'];

/** The Chinese text for one of form-js's English strings, or null when it is not one of them. */
export function translate(text) {
  const trimmed = text.trim();
  if (TEXTS[trimmed]) {
    return TEXTS[trimmed];
  }
  for (const [pattern, message] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return message(match);
    }
  }
  return null;
}

function rewriteText(element) {
  // Only the element's own text node: form-js (Preact) keeps patching it, we follow.
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const chinese = translate(node.data);
      if (chinese) {
        node.data = chinese;
      }
    }
  }
}

/**
 * The server names the field for integrators in its refusals, 初审意见（firstReviewComment）为必填项:
 * in Tasklist's alerts staff read the label alone, as the form shows it.
 */
const FIELD_NAME = /（[A-Za-z][\w.]*）/g;

function withoutFieldNames(alert) {
  const walker = document.createTreeWalker(alert, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shown = node.data.replace(FIELD_NAME, '');
    if (shown !== node.data) {
      node.data = shown;
    }
  }
}

function rewrite(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-select-display, .fjs-dropdownlist-empty, .fjs-skip-link')
    .forEach(rewriteText);
  root.querySelectorAll('.fjs-container [aria-label], .fjs-container [title]').forEach((control) => {
    for (const attribute of NAMING_ATTRIBUTES) {
      const chinese = CONTROL_NAMES[control.getAttribute(attribute)];
      if (chinese) {
        control.setAttribute(attribute, chinese);
      }
    }
  });
  root.querySelectorAll('.page-notifications .alert, .notifications .alert').forEach(withoutFieldNames);
  root.querySelectorAll('.fjs-container input[placeholder]').forEach((input) => {
    const chinese = translate(input.getAttribute('placeholder'));
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

// Tasklist adds one alert per refused attempt and keeps the earlier ones above it, at the top of
// a long form, so the refusal of the current input would sit unseen under stale ones: close all but
// the newest (through their own close buttons, so Tasklist forgets them too) and bring it into view.
const shownAlerts = new WeakSet();

function showNewestAlertOnly(root) {
  root.querySelectorAll('.modal-content .notifications').forEach((panel) => {
    const alerts = [...panel.children].filter((child) => child.classList.contains('alert'));
    alerts.slice(0, -1).forEach((alert) => alert.querySelector('button.close[ng-click^="removeNotification"]')?.click());
    const newest = alerts[alerts.length - 1];
    if (newest && !shownAlerts.has(newest)) {
      shownAlerts.add(newest);
      newest.scrollIntoView({ block: 'nearest' });
    }
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      rewrite(document);
      showNewestAlertOnly(document);
    });
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['placeholder', ...NAMING_ATTRIBUTES] });

// What is typed stays. form-js holds a field's input for 300 ms before the form's data has it, and
// does not hand a number field's on when the field is left: the number's late update redraws the
// form and writes the older value of the field now being typed in back into it, under the user's
// cursor (the first characters after a number field were lost, or a whole comment a moment later).
// While a text field or area is being typed in, a redraw does not overwrite it; once it is left,
// form-js has taken its text (on blur) and draws what it holds. Other inputs (the expert picker's
// search, which form-js empties after a choice) are left alone.
const TEXT_FIELDS = '.fjs-form-field-textfield input, .fjs-form-field-textarea textarea';
const typing = new WeakSet();
document.addEventListener('input', (event) => {
  if (event.target.matches && event.target.matches(TEXT_FIELDS)) {
    typing.add(event.target);
  }
}, true);
document.addEventListener('focusout', (event) => typing.delete(event.target), true);
for (const Field of [HTMLInputElement, HTMLTextAreaElement]) {
  const value = Object.getOwnPropertyDescriptor(Field.prototype, 'value');
  Object.defineProperty(Field.prototype, 'value', {
    ...value,
    set(text) {
      if (typing.has(this) && this === document.activeElement) {
        return;
      }
      value.set.call(this, text);
    },
  });
}

export default [];
