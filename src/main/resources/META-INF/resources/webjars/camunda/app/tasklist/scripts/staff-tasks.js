// Task handling for the bureaus' staff in Tasklist (Camunda 7 plugin API, plain ES module, loaded
// through customScripts in config.js). Everything it changes goes through our own /api/tasks
// commands, which check who may do what (docs/processes.md, "Task handling").
//
// Plugin points:
//   tasklist.navbar.action   已办: the tasks I completed, with what I decided (GET /api/tasks/done)
//   tasklist.navbar.action   站内消息 with the unread count: the user's inbox (common/inbox.js), e.g.
//                            超时提醒 of an overdue task; opening a message marks it read
//   tasklist.navbar.action   县域空间: the county's view /county/ (Art. 6), shown to those who may read it
//   tasklist.navbar.action   (nothing shown) 发起流程 and 创建任务 only for whom they serve; in the task's
//                            header 添加组 and the unclaim × only for the administrator
//   (task header)            a line naming the case: 申请编号, 众创空间名称, 所在县区 (the card variables)
//   (every page)             Tasklist's own 历史 tab names users instead of their ids (GET /api/tasks/{id}/people)
//   tasklist.list            快速搜索: one box for space name, operator, credit code or number; it
//                            becomes Tasklist's own search on the case variable searchText, whose
//                            pill is labelled 快速搜索 包含 …
//   tasklist.task.detail     转办/退回 tab: hand the task to a colleague of its group, delegate it
//                            (委派) and hand it back (交回), send the case back one step, each with a
//                            reason
//   tasklist.task.detail     申报材料 tab: the case's submitted materials, every version, with download
//                            and preview (GET /api/materials?caseNumber=...; the case's readers only);
//                            on 公示异议核查 also the evidence of that objection (GET /api/objection-evidence)
//   (流程图 tab)              the diagram's zoom buttons named in Chinese (common/webapp-texts.js)
//   (after 完成)              a notice (role=status) says where the case went: the next step and the
//                            office handling it, or the end it reached (GET /api/tasks/done/{id})
// 已办 also offers 加签 on the city bureau's completed 组织专家评审: it does not see the experts' tasks;
// each row's 查看 opens what the user decided on that task and where the case is now.

import {currentUser, request} from '/common/session.js';
import {checksum, el, fill, formatTime, whileBusy} from '/common/dom.js';
import {plainMessage, showFieldErrors} from '/common/fields.js';
import {inboxTitle, loadInbox, renderInbox} from '/common/inbox.js';
import {DIAGRAM_TEXTS, translateDirectives} from '/common/webapp-texts.js';
import {DICTIONARY, codeLabel, hasLabel} from '/common/readable.js';

const STYLE = `
.ms-quick-search { display: flex; gap: 6px; padding: 8px 10px; }
.ms-quick-search input { flex: 1; }
.task-details .ms-case-line { margin: 6px 0 0; color: #333; font-size: 14px; }
.ms-done-panel, .ms-inbox-panel { position: fixed; top: 60px; left: 50%; transform: translateX(-50%); width: min(1100px, 96vw);
  max-height: 80vh; overflow: auto; background: #fff; border: 1px solid #bbb; border-radius: 4px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: 16px 20px; z-index: 2000; }
.ms-done-panel table { width: 100%; }
.ms-done-detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.ms-done-detail dt { font-weight: normal; color: #555; }
.ms-done-detail dd { margin: 0; white-space: pre-wrap; }
.ms-task-commands form { margin: 12px 0 20px; max-width: 640px; }
.ms-task-commands .ms-result { margin-top: 8px; }
.ms-command-done { position: fixed; top: 56px; right: 30px; z-index: 1060; max-width: 640px; }
/* 申报材料 beside the task list (1440 px): the item and the file name wrap, the short columns and the
   headers do not, so that the table fits its tab without scrolling sideways */
.ms-materials table { width: 100%; }
.ms-materials th, .ms-materials .ms-nowrap { white-space: nowrap; }
.ms-materials .ms-file { overflow-wrap: anywhere; min-width: 9em; }
/* Tasklist's grey hint text is too faint to read (WCAG contrast below 4.5:1) */
.ms-task-commands .help-block, .ms-done-panel .help-block { color: #555; }
.ms-task-commands .field-error, .ms-done-panel .field-error { color: #a94442; margin: 4px 0 0; font-weight: normal; }
`;

/** The search variable every case carries (tasks/CaseCard): identifiers and names, upper-cased. */
const SEARCH_VARIABLE = 'searchText';

/** The like query for `text`: % and _ are searched for, not wildcards (the engine escapes with a backslash). */
const containing = text => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
/** The words of a like query (%探索%) as they were typed. */
const withoutWildcards = text => String(text).replace(/^%|%$/g, '').replace(/\\([\\%_])/g, '$1');

function addStyle() {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
}

/** The parameters of Tasklist's route (#/?filter=…&task=…). */
function routeParams() {
  const hash = window.location.hash || '#/';
  const query = hash.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : hash.substring(query + 1));
}

function goTo(params) {
  window.location.hash = '#/?' + params.toString();
}

// ------------------------------------------------------------------ 快速搜索

function quickSearch(node) {
  const input = el('input', {
    type: 'search', className: 'form-control input-sm ms-quick-search-input',
    placeholder: '空间名称、运营机构、信用代码或编号', 'aria-label': '快速搜索任务'
  });
  const current = JSON.parse(routeParams().get('searchQuery') || '[]')
    .find(search => search.name === SEARCH_VARIABLE);
  if (current) {
    input.value = withoutWildcards(current.value);
  }
  const form = el('form', {className: 'ms-quick-search', role: 'search', onSubmit: event => {
    event.preventDefault();
    const params = routeParams();
    const others = JSON.parse(params.get('searchQuery') || '[]').filter(search => search.name !== SEARCH_VARIABLE);
    const text = input.value.trim().toUpperCase();
    const searches = text ? others.concat([{type: 'processVariables', operator: 'like', name: SEARCH_VARIABLE,
      value: containing(text)}]) : others;
    if (searches.length) {
      params.set('searchQuery', JSON.stringify(searches));
    } else {
      params.delete('searchQuery');
    }
    params.delete('page');
    goTo(params);
  }}, input, el('button', {type: 'submit', className: 'btn btn-default btn-sm'}, '搜索'));
  node.appendChild(form);
}

/** Words of Tasklist's search pills that its locale leaves in English or as a variable name. */
const PILL_WORDS = {
  '.name-field': {[SEARCH_VARIABLE]: '快速搜索'},
  '.operator-field': {like: '包含'}
};

/**
 * Tasklist names a search pill by its variable and operator and shows the value as queried: the quick
 * search's reads 快速搜索 包含 探索, without the wildcards of its like query (editing the value still
 * shows them, as Tasklist sends what is edited).
 */
function labelSearchPills() {
  for (const [field, words] of Object.entries(PILL_WORDS)) {
    for (const node of document.querySelectorAll(`.search-label ${field}, .search-label ${field} span`)) {
      const word = node.childElementCount === 0 && words[node.textContent.trim()];
      if (word) {
        node.textContent = word;
      }
    }
  }
  // Camunda's template writes an English full stop after the last option of 变量搜索时忽略大小写
  for (const option of document.querySelectorAll('.ignore-case label')) {
    const text = [...option.childNodes].find(node => node.nodeType === Node.TEXT_NODE && /[^\x00-\x7f]\.\s*$/.test(node.nodeValue));
    if (text) {
      text.nodeValue = text.nodeValue.replace(/\.(\s*)$/, '$1');
    }
  }
  for (const label of document.querySelectorAll('.search-label')) {
    const name = label.querySelector('.name-field .view-value span');
    // the text node Angular writes the value into, changed in place (a new search renders a new pill)
    const value = label.querySelector('.value-field .view-value span')?.firstChild;
    if (name?.textContent.trim() === PILL_WORDS['.name-field'][SEARCH_VARIABLE]
        && value?.nodeType === Node.TEXT_NODE && /^%.*%$/.test(value.nodeValue)) {
      value.nodeValue = withoutWildcards(value.nodeValue);
    }
  }
}

// ------------------------------------------------------------------ 历史

/** The names of the people of a task's history, by task id and number of events shown. */
const historyPeople = new Map();

/**
 * Tasklist's own 历史 tab writes users by id (shuocheng1 认领, 受理人 inspector2); this writes their names
 * (GET /api/tasks/{id}/people), in the text nodes Angular wrote, leaving the id in the tooltip.
 */
function nameHistoryPeople() {
  const pane = document.querySelector('.history-pane');
  const taskId = routeParams().get('task');
  const texts = pane && taskId ? [...pane.querySelectorAll('.operation-user, .new-value span, .original-value span')]
    .map(node => node.firstChild)
    .filter(text => text?.nodeType === Node.TEXT_NODE && text.nodeValue.trim()) : [];
  if (!texts.length) {
    return;
  }
  const key = `${taskId}|${pane.querySelectorAll('.instant').length}`;
  if (!historyPeople.has(key)) {
    historyPeople.set(key, request('GET', `/api/tasks/${encodeURIComponent(taskId)}/people`)
      .then(({data}) => new Map(data.map(person => [person.id, person.label])), () => {
        historyPeople.delete(key); // asked again on the next change
        return new Map();
      }));
  }
  historyPeople.get(key).then(names => {
    for (const text of texts) {
      const name = names.get(text.nodeValue.trim());
      if (name) {
        text.nodeValue = name;
      }
    }
  });
}

// ------------------------------------------------------------------ the case in the task's header

/** What the header line names, from the task's card variables (tasks/CaseCard), in this order. */
const CASE_LINE = [['申请编号', 'cardApplicationNumber'], ['证书编号', 'cardCertificateNumber'],
  ['众创空间名称', 'cardSpaceName'], ['所在县区', 'cardCountyName']];

/**
 * Tasklist's task header says only 初审 / 众创空间认定, not which case: a line under it names the case
 * from the task's card variables, the task-local copies that staff may read (GET
 * /task/{id}/localVariables; they may not read the process instance's).
 */
function showCaseInHeader() {
  const names = document.querySelector('.task-details .task-card header .names');
  const taskId = routeParams().get('task');
  if (!names || !taskId || names.querySelector(`.ms-case-line[data-task="${CSS.escape(taskId)}"]`)) {
    return;
  }
  names.querySelector('.ms-case-line')?.remove();
  const line = el('p', {className: 'ms-case-line', dataset: {task: taskId}, hidden: true});
  names.appendChild(line);
  engineGet(`/task/${encodeURIComponent(taskId)}/localVariables?deserializeValues=false`).then(variables => {
    const parts = CASE_LINE.filter(([, name]) => variables[name]?.value)
      .map(([label, name]) => `${label}：${variables[name].value}`);
    fill(line, parts.join('　'));
    line.hidden = !parts.length;
  }, () => {});
}

// ------------------------------------------------------------------ 已办

function doneLink(node) {
  node.appendChild(el('a', {href: '', className: 'ms-done-link', role: 'button', onClick: event => {
    event.preventDefault();
    openDone();
  }}, '已办'));
}

/** Closes the panel open over Tasklist (已办 or 站内消息: one at a time), if any. */
function closePanel() {
  document.querySelector('.ms-done-panel, .ms-inbox-panel')?.remove();
}

/**
 * Opens a panel over Tasklist (one at a time) and answers its body. Keyboard: the focus moves to its
 * close button, Escape closes it and returns the focus to the header entry that opened it.
 */
function openPanel(className, title, opener) {
  closePanel();
  const body = el('div', {}, '正在加载…');
  const close = () => {
    panel.remove();
    opener?.focus();
  };
  const panel = el('div', {className, role: 'dialog', 'aria-label': title,
    onKeydown: event => event.key === 'Escape' && close()},
  el('button', {type: 'button', className: 'close', 'aria-label': '关闭', onClick: close}, '×'),
  el('h3', {}, title), body);
  document.body.appendChild(panel);
  panel.querySelector('button.close').focus();
  return body;
}

async function openDone() {
  const body = openPanel('ms-done-panel', '已办任务', document.querySelector('.ms-done-link'));
  try {
    const {data} = await request('GET', '/api/tasks/done');
    fill(body, data.length ? el('table', {className: 'table table-striped ms-done-table'},
      el('thead', {}, el('tr', {}, ['任务', '申请或证书编号', '众创空间', '办结时间', '办理结果', '操作'].map(h => el('th', {}, h)))),
      el('tbody', {}, data.map(row => el('tr', {},
        el('td', {}, row.taskName), el('td', {}, row.caseNumber || '—'), el('td', {}, row.spaceName || '—'),
        el('td', {}, formatTime(row.completedAt)), el('td', {className: 'ms-outcome'}, row.outcome),
        el('td', {}, el('button', {type: 'button', className: 'btn btn-default btn-xs ms-done-open',
          'aria-label': `查看 ${row.taskName} ${row.caseNumber || ''}`, onClick: () => openDoneTask(body, row)}, '查看'),
        row.taskKey === ORGANISE_EXPERTS && row.caseNumber ? [' ', addExpertButton(body, row.caseNumber)] : '')))))
      : el('p', {}, '暂无已办任务。'));
  } catch (error) {
    fill(body, el('p', {className: 'text-danger', role: 'alert'}, error.message));
  }
}

/** "申请 SQ-2026-000123 朔城创客之家": the case as the user knows it (a certificate number for supervision). */
function caseName(row) {
  const number = row.caseNumber ? (row.caseNumber.startsWith('SQ-') ? '申请 ' : '证书 ') + row.caseNumber : '';
  return [number, row.spaceName].filter(Boolean).join(' ') || '本案件';
}

/** Where the case went (DoneTaskDetails.Next), as a sentence: the open steps and their offices, or its end. */
function whereItWent(next) {
  if (next.ended) {
    return `流程已结束：${next.outcome}`;
  }
  if (!next.steps.length) {
    return '已提交，正在由系统处理';
  }
  return '已转入' + next.steps.map(step => `「${step.name}」` + (step.handledBy ? `，由 ${step.handledBy} 办理` : ''))
    .join('；');
}

/** A value the task wrote, as people read it: the dictionary's label of a code, 是/否, or the text. */
function readableValue(name, value) {
  if (typeof value === 'boolean') {
    return value ? '是' : '否';
  }
  return hasLabel(name, value) ? codeLabel(name, value) : value === null || value === '' ? '—' : String(value);
}

/**
 * One row of 已办 opened in the panel (GET /api/tasks/done/{id}): what the user decided (the values
 * the task wrote, labelled by dictionary.json; a value without a label is not shown) and where the
 * case is now. 返回已办列表 goes back to the list.
 */
async function openDoneTask(body, row) {
  fill(body, el('p', {}, '正在加载…'));
  try {
    const {data} = await request('GET', `/api/tasks/done/${encodeURIComponent(row.taskId)}`);
    const labels = DICTIONARY.variable || {};
    const values = data.values.filter(value => labels[value.name]);
    const back = el('button', {type: 'button', className: 'btn btn-default ms-done-back', onClick: openDone}, '返回已办列表');
    fill(body, el('section', {className: 'ms-done-detail', 'aria-label': '已办任务详情'},
      el('h4', {}, `${data.task.taskName}：${caseName(data.task)}`),
      el('p', {}, `办结时间：${formatTime(data.task.completedAt)}　办理结果：${data.task.outcome}`),
      el('h5', {}, '我的办理意见'),
      values.length ? el('dl', {className: 'ms-done-values'}, values.map(value =>
        [el('dt', {}, labels[value.name]), el('dd', {}, readableValue(value.name, value.value))]))
        : el('p', {}, '此任务未填写表单。'),
      el('h5', {}, '案件当前环节'),
      el('p', {className: 'ms-done-next'}, whereItWent(data.next)),
      back));
    back.focus();
  } catch (error) {
    fill(body, el('p', {className: 'text-danger', role: 'alert'}, plainMessage(error)));
  }
}

// ------------------------------------------------------------------ after 完成

/** Tasklist completes a task with POST …/task/{id}/submit-form (or …/complete); nothing else says so. */
const COMPLETION = /\/task\/([^/?#]+)\/(?:submit-form|complete)(?:[?#]|$)/;

/**
 * After a task form is completed, a notice says where the case went (GET /api/tasks/done/{id}):
 * 已办结：申请 SQ-… 朔城创客之家 已转入「实地考察」，由 考察小组 办理. Tasklist itself says only that
 * the task was completed. It watches Tasklist's own requests, as its form has no completion event.
 */
function announceCompletions() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const completed = String(method).toUpperCase() === 'POST' && COMPLETION.exec(String(url));
    if (completed) {
      this.addEventListener('load', () => this.status >= 200 && this.status < 300
        && announceNext(decodeURIComponent(completed[1])));
    }
    return open.call(this, method, url, ...rest);
  };
}

async function announceNext(taskId) {
  try {
    const {data} = await request('GET', `/api/tasks/done/${encodeURIComponent(taskId)}`);
    notice(`已办结：${caseName(data.task)} ${whereItWent(data.next)}。`, 'ms-next-step');
  } catch {
    // a task completed on someone else's behalf (a delegate's) has no row of the user's: nothing to say
  }
}

/** The task whose panel 加签 extends (maker-space-certification). */
const ORGANISE_EXPERTS = 'organiseExpertReview';

/** 加签: a form under the 已办 table adds an expert to the panel of case `number`. */
function addExpertButton(body, number) {
  return el('button', {type: 'button', className: 'btn btn-default btn-xs ms-add-expert-open', onClick: async () => {
    const panel = `/api/expert-panels/${encodeURIComponent(number)}`;
    const {data: candidates} = await request('GET', panel + '/candidates').catch(() => ({data: null}));
    body.querySelector('.ms-add-expert-form')?.remove(); // after the wait: a second click leaves one form
    const expert = colleagueChooser('ms-add-expert', candidates, '请选择专家');
    const reason = el('textarea', {...named('ms-add-expert-reason'), rows: 2, required: true});
    const result = el('div', {className: 'ms-result', role: 'status'});
    const submit = el('button', {type: 'submit', className: 'btn btn-primary'}, '加签');
    const form = checkedForm({className: 'ms-add-expert-form'}, () => {
      return whileBusy(submit, async () => {
        try {
          const {data} = await request('POST', panel + '/experts', {json: {expert: expert.value.trim(), reason: reason.value}});
          const chosenOption = expert.selectedOptions ? expert.selectedOptions[0] : null;
          fill(result, el('p', {className: 'text-success'}, '已增补评审专家 ' + (chosenOption ? chosenOption.textContent : data.assignee) + '。'));
          // on the panel now: no longer offered
          chosenOption?.remove();
          expert.value = '';
          reason.value = '';
        } catch (error) {
          fill(result, el('p', {className: 'text-danger', role: 'alert'}, plainMessage(error)));
        }
      });
    }, el('h4', {}, '加签：' + number),
    el('p', {className: 'help-block'}, '为正在评审的专家组增补一位评审专家（市科技局）。'),
    field('增补专家', expert), field('加签理由', reason), submit, result);
    body.appendChild(form);
    expert.focus();
  }}, '加签');
}

// ------------------------------------------------------------------ 县域空间

/** A link to the county's view, shown once the API answers that the user reads an area's spaces. */
function countyLink(node) {
  const link = el('a', {href: '/county/', className: 'ms-county-link', hidden: true}, '县域空间');
  node.appendChild(link);
  request('GET', '/api/county/access').then(({data}) => {
    if (data.readsSpaces) {
      link.hidden = false;
    } else {
      link.remove();
    }
  }, () => link.remove());
}

// ------------------------------------------------------------------ 发起流程, 创建任务

/**
 * Tasklist offers 发起流程 and 创建任务 to everyone; they lead somewhere only for the administrator.
 * Staff start no process here (applicants file on their portal) and create no task of their own (the
 * engine API refuses it): the header shows each only to whom it serves (user-styles.css hides them
 * until then). Rendered with the header, so after each login, for the user who logged in.
 */
function headerOffers() {
  const body = document.body.classList;
  body.remove('ms-starts-processes', 'ms-creates-tasks', 'ms-edits-task-people');
  Promise.all([
    currentUser().then(user => user || {}),
    engineGet('/process-definition/count?latestVersion=true&active=true&startableInTasklist=true'
      + '&startablePermissionCheck=true')
  ]).then(([user, startable]) => {
    const administrator = (user.authorizedApps || []).includes('admin');
    body.toggle('ms-creates-tasks', administrator);
    body.toggle('ms-edits-task-people', administrator);
    body.toggle('ms-starts-processes', startable.count > 0);
  }, () => {});
}

/**
 * The task's header offers everyone 添加组 (a candidate group added or removed), the × that unclaims
 * the task, the follow-up and due dates to set or clear, and the assignee's name to type another one
 * in. Staff may do none of it: the allow-list of /camunda/api/engine takes identity links, a changed
 * task (PUT /task/{id}: its dates) and a new assignee only from the administrator, and unclaiming
 * needs TASK_ASSIGN, which the engine gives staff nowhere (their tasks grant TASK_WORK; 转办 is the
 * door to hand a task on). For them the offers stay hidden (user-styles.css) and the dates, groups
 * and assignee are plain text: this stops the click, key and paste that would open their editors,
 * and takes the fields out of the tab order.
 */
const FIXED_FOR_STAFF = '[cam-tasklist-task-meta] li.groups, [cam-tasklist-task-meta] [cam-widget-inline-field]';

function keepTaskPeopleFixed() {
  for (const type of ['click', 'keydown', 'paste']) {
    document.addEventListener(type, event => {
      if (!document.body.classList.contains('ms-edits-task-people') && event.key !== 'Tab'
          && event.target.closest?.(FIXED_FOR_STAFF)) {
        event.preventDefault();
        event.stopPropagation();
      }
    }, true);
  }
}

/** The header's date and assignee fields out of the tab order for staff (see keepTaskPeopleFixed). */
function untabTaskPeople() {
  const tabindex = document.body.classList.contains('ms-edits-task-people') ? '0' : '-1';
  document.querySelectorAll('[cam-tasklist-task-meta] [cam-widget-inline-field]').forEach(field => {
    if (field.getAttribute('tabindex') !== tabindex) {
      field.setAttribute('tabindex', tabindex);
    }
  });
}

// ------------------------------------------------------------------ 站内消息

function inboxLink(node) {
  const link = el('a', {href: '', className: 'ms-inbox-link', role: 'button', onClick: event => {
    event.preventDefault();
    openInbox(link);
  }}, '站内消息');
  node.appendChild(link);
  // roles without an inbox (the auditor) are refused: no entry for them
  loadInbox().then(items => showCount(link, items)).catch(error => error.status === 403 && link.remove());
}

/** The header entry reads 站内消息（2 条未读） while messages are unread. */
function showCount(link, items) {
  fill(link, inboxTitle(items));
}

async function openInbox(link) {
  const body = openPanel('ms-inbox-panel', '站内消息', link);
  try {
    const items = await loadInbox();
    showCount(link, items);
    // a message about a task the user can still open leads to it; the panel gives way to the task
    renderInbox(body, items, read => showCount(link, read), taskId => `#/?task=${encodeURIComponent(taskId)}`);
    body.addEventListener('click', event => event.target.closest('.ms-inbox-task') && closePanel());
  } catch (error) {
    fill(body, el('p', {className: 'text-danger', role: 'alert'}, error.message));
  }
}

// ------------------------------------------------------------------ 转办 / 退回

/** A labelled control; left empty, a required one asks for its label (请填写转办理由) unless it says otherwise. */
function field(label, control) {
  control.dataset.missing ??= (control.tagName === 'SELECT' ? '请选择' : '请填写') + label;
  return el('div', {className: 'form-group'}, el('label', {}, label, control));
}

/**
 * The forms are novalidate: the browser's own check of `required` speaks the browser's language
 * (Please fill out this field.). This says at each empty field, in Chinese, what it needs; once a
 * field is filled in, its message goes.
 */
function filledIn(form, focus = true) {
  const errors = [...form.querySelectorAll('[required]')].filter(control => !control.value.trim())
    .map(control => ({field: control.name, message: control.dataset.missing}));
  showFieldErrors(form, errors);
  if (focus) {
    form.querySelector('[aria-invalid="true"]')?.focus();
  }
  return !errors.length;
}

/** A form whose required fields are checked by filledIn before `submit` runs. */
function checkedForm(props, submit, ...children) {
  const recheck = () => form.querySelector('.field-error') && filledIn(form, false);
  const form = el('form', {...props, noValidate: true, onInput: recheck, onChange: recheck, onSubmit: event => {
    event.preventDefault();
    return filledIn(form) ? submit() : undefined;
  }}, ...children);
  return form;
}

/** A control of a checked form: its name and id (where its message is written) are its class. */
const named = name => ({className: 'form-control ' + name, id: name, name});

/** Where a command leaves what it did for the page that the reload after it opens. */
const COMMAND_DONE = 'ms-command-done';

/** {@code done()} says what the command did (已退回初审); the page reloads and says it once more. */
function commandForm(title, hint, fields, button, send, done) {
  const result = el('div', {className: 'ms-result', role: 'status'});
  const submit = el('button', {type: 'submit', className: 'btn btn-primary'}, button);
  // one request per press: a double click would send the command twice (the second: 409)
  const form = checkedForm({}, () => whileBusy(submit, () => run()),
    el('h4', {}, title), el('p', {className: 'help-block'}, hint), fields, submit, result);
  async function run() {
    fill(result);
    try {
      await send();
      fill(result, el('p', {className: 'text-success'}, '已完成，正在刷新任务列表…'));
      sessionStorage.setItem(COMMAND_DONE, done());
      const params = routeParams();
      params.delete('task');
      params.delete('detailsTab');
      goTo(params);
      window.location.reload();
    } catch (error) {
      fill(result, el('p', {className: 'text-danger', role: 'alert'}, plainMessage(error)));
    }
  }
  return form;
}

/** After 转办, 委派, 交回 or 退回 the task leaves the list: the reloaded page says where it went. */
function sayWhatWasDone() {
  const text = sessionStorage.getItem(COMMAND_DONE);
  if (!text) {
    return;
  }
  sessionStorage.removeItem(COMMAND_DONE);
  notice(text);
}

/** A notice at the top right for 10 s, or until closed or the user's next click elsewhere. */
function notice(text, className = '') {
  document.querySelector('.ms-command-done')?.remove();
  // outside Angular's templates: a colleague's name is text, never an expression
  const box = el('div', {className: `alert alert-success ms-command-done ${className}`, role: 'status', 'ng-non-bindable': ''},
    el('button', {type: 'button', className: 'close', 'aria-label': '关闭', onClick: () => box.remove()}, '×'), text);
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 10000);
  // it gives way at the user's next click: the header's menus (退出登录) open under it
  document.addEventListener('click', () => box.remove(), {once: true, capture: true});
}

/** The engine's view of the task through Tasklist's session (read only). */
const ENGINE_TASK = '/camunda/api/engine/engine/default/task/';


/**
 * Where a colleague is chosen: the candidates by name (GET /api/tasks/{id}/colleagues, GET
 * /api/expert-panels/{number}/candidates), or, when the list is not given (the task not claimed yet:
 * the server then refuses the command anyway), a user id typed.
 */
function colleagueChooser(className, colleagues, prompt = '请选择同事') {
  return colleagues && colleagues.length
    ? el('select', {...named(className), required: true, dataset: {missing: prompt}}, el('option', {value: ''}, prompt),
      colleagues.map(c => el('option', {value: c.id}, c.label)))
    : el('input', {type: 'text', ...named(className), required: true, placeholder: '同事的用户名',
      dataset: {missing: '请填写同事的用户名'}});
}

/** Whom a chooser names: the chosen colleague's label, or the id typed. */
function chosen(chooser) {
  return chooser.selectedOptions ? chooser.selectedOptions[0].textContent : chooser.value.trim();
}

/** The assignee as the task's header shows it (认领 while there is none). */
const shownAssignee = () => document.querySelector('.task-details li.assignee')?.textContent.replace(/\s+/g, ' ').trim();

/**
 * The 转办/退回 tab. Tasklist draws a tab once, and keeps it when the task is claimed in its header:
 * the tab follows the assignee shown there and draws itself again (what it offers depends on it).
 */
async function taskCommands(node, {taskId}) {
  let assignee = shownAssignee();
  const observer = new MutationObserver(() => {
    if (!node.isConnected) {
      observer.disconnect();
    } else if (shownAssignee() !== assignee) {
      assignee = shownAssignee();
      drawTaskCommands(node, taskId);
    }
  });
  observer.observe(document.querySelector('.task-details') || document.body, {childList: true, subtree: true, characterData: true});
  await drawTaskCommands(node, taskId);
}

async function drawTaskCommands(node, taskId) {
  const path = command => `/api/tasks/${encodeURIComponent(taskId)}/${command}`;
  const [{data: task}, {data: back}, {data: colleagues}] = await Promise.all([
    request('GET', ENGINE_TASK + encodeURIComponent(taskId)).catch(() => ({data: {}})),
    // the server says where this task may go back to (tasks/TaskCommands): 退回 only there
    request('GET', path('send-back')).catch(() => ({data: {}})),
    // refused to whoever may not hand the task on: neither its assignee nor the city bureau
    request('GET', path('colleagues')).catch(() => ({data: null}))]);
  if (!colleagues) {
    fill(node, el('div', {className: 'ms-task-commands'},
      el('p', {className: 'help-block ms-claim-first'}, '认领此任务后，可在此转办、委派或退回。')));
    return;
  }
  const colleague = colleagueChooser('ms-transfer-assignee', colleagues);
  const transferReason = el('textarea', {...named('ms-transfer-reason'), rows: 2, required: true});
  const delegateTo = colleagueChooser('ms-delegate-assignee', colleagues);
  const delegateReason = el('textarea', {...named('ms-delegate-reason'), rows: 2, required: true});
  const handBackReason = el('textarea', {...named('ms-resolve-reason'), rows: 2, required: true});
  const backReason = el('textarea', {...named('ms-send-back-reason'), rows: 2, required: true});
  const box = el('div', {className: 'ms-task-commands'});
  fill(node, box);
  const delegated = task.delegationState === 'PENDING';
  const owner = colleagues.find(c => c.id === task.owner)?.label ?? task.owner;
  // nobody to hand the task to: the server would refuse 转办 and 委派 to anyone typed, so neither is offered
  const handsOn = colleagues.length > 0;
  box.append(
    delegated
      ? commandForm('交回', '此任务由 ' + owner + ' 委派给您：办完后交回，由其填写表单并完成。',
        [field('交回说明', handBackReason)], '交回',
        () => request('POST', path('resolve'), {json: {reason: handBackReason.value}}), () => '已交回 ' + owner + '。')
      : handsOn ? commandForm('委派', '请本任务候选组的一位同事代为办理，办完后交回给您，由您完成（须为办理人）。',
        [field('委派给', delegateTo), field('委派事由', delegateReason)], '委派',
        () => request('POST', path('delegate'), {json: {assignee: delegateTo.value.trim(), reason: delegateReason.value}}),
        () => '已委派给 ' + chosen(delegateTo) + '。') : '',
    handsOn ? commandForm('转办', '交给本任务候选组的另一位同事办理（须为办理人或市科技局）。',
      [field('转办给', colleague), field('转办理由', transferReason)], '转办',
      () => request('POST', path('transfer'), {json: {assignee: colleague.value.trim(), reason: transferReason.value}}),
      () => '已转办给 ' + chosen(colleague) + '。') : await nobodyToHandOn(taskId),
    back.target ? commandForm('退回', `退回${back.target}，并写明理由（须为办理人或市科技局）。`,
      [field('退回理由', backReason)], '退回',
      () => request('POST', path('send-back'), {json: {reason: backReason.value}}), () => `已退回${back.target}。`) : '');
}

/**
 * Why the tab offers neither 转办 nor 委派: a task the process assigned to one person (an expert's
 * review) has no candidate group to hand it to (docs/processes.md); otherwise the group has nobody else.
 */
async function nobodyToHandOn(taskId) {
  const links = await request('GET', ENGINE_TASK + encodeURIComponent(taskId) + '/identity-links')
    .then(({data}) => data, () => []);
  const grouped = links.some(link => link.type === 'candidate' && link.groupId);
  return el('p', {className: 'help-block ms-no-colleagues'}, grouped
    ? '本组暂无其他同事，不能转办或委派。'
    : '此任务由流程指定给您本人办理，不能转办或委派。');
}

// ------------------------------------------------------------------ 申报材料

const ENGINE = '/camunda/api/engine/engine/default';

async function engineGet(path) {
  const response = await fetch(ENGINE + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`无法读取任务所属案件（HTTP ${response.status}）`);
  }
  return response.json();
}

function fileSize(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

async function caseMaterials(node, {taskId}) {
  const body = el('div', {className: 'ms-materials'}, '正在加载…');
  node.appendChild(body);
  try {
    const task = await engineGet(`/task/${encodeURIComponent(taskId)}`);
    const instance = await engineGet(`/history/process-instance/${encodeURIComponent(task.processInstanceId)}`);
    const {data} = await request('GET', `/api/materials?caseNumber=${encodeURIComponent(instance.businessKey)}`);
    fill(body, data.length ? el('table', {className: 'table table-striped ms-materials-table'},
      el('thead', {}, el('tr', {}, ['材料', '版本', '文件', '大小', '提交时间', '校验码', '操作'].map(h => el('th', {}, h)))),
      el('tbody', {}, data.map(f => el('tr', {dataset: {code: f.materialCode}},
        el('td', {}, f.materialName), el('td', {className: 'ms-nowrap'}, `第${f.version}版`),
        el('td', {className: 'ms-file'},
          el('a', {href: f.downloadUrl, className: 'ms-material-download', dataset: {userText: ''}}, f.fileName)),
        el('td', {className: 'ms-nowrap'}, fileSize(f.size)), el('td', {className: 'ms-nowrap'}, formatTime(f.submittedAt)),
        el('td', {className: 'ms-nowrap'}, checksum(f.sha256)),
        el('td', {className: 'ms-nowrap'}, el('a', {href: f.previewUrl, target: '_blank', rel: 'noopener',
          className: 'ms-material-preview'}, '预览'))))))
      : el('p', {}, '本案件没有已提交的申报材料。'));
    if (task.taskDefinitionKey === 'handleObjection') {
      body.append(await objectionEvidence(taskId, instance.businessKey));
    }
  } catch (error) {
    fill(body, el('p', {className: 'text-danger', role: 'alert'}, error.message));
  }
}

/** On 公示异议核查: the evidence files sent with this task's objection (GET /api/objection-evidence). */
async function objectionEvidence(taskId, caseNumber) {
  const acknowledgement = await engineGet(`/task/${encodeURIComponent(taskId)}/variables/objectionAcknowledgement`);
  const {data} = await request('GET', `/api/objection-evidence?caseNumber=${encodeURIComponent(caseNumber)}`);
  const own = data.filter(f => f.acknowledgementNumber === acknowledgement.value);
  return el('section', {className: 'ms-objection-evidence'}, el('h4', {}, '异议证据材料'),
    own.length ? el('table', {className: 'table table-striped ms-evidence-table'},
      el('thead', {}, el('tr', {}, ['文件', '大小', '收到时间', '校验码'].map(h => el('th', {}, h)))),
      el('tbody', {}, own.map(f => el('tr', {},
        el('td', {className: 'ms-file'},
          el('a', {href: f.downloadUrl, className: 'ms-evidence-download', dataset: {userText: ''}}, f.fileName)),
        el('td', {className: 'ms-nowrap'}, fileSize(f.size)), el('td', {className: 'ms-nowrap'}, formatTime(f.receivedAt)),
        el('td', {className: 'ms-nowrap'}, checksum(f.sha256))))))
      : el('p', {}, '异议人未提交证据材料。'));
}

/**
 * A refusal of a task's form concerns that task: once it is completed (Tasklist drops the task from
 * the route) or another task is opened, its alert is closed, not left beside the next success.
 */
function closeRefusalsOfOtherTasks() {
  let shown = routeParams().get('task');
  window.addEventListener('hashchange', () => {
    const task = routeParams().get('task');
    if (task !== shown) {
      document.querySelectorAll('.page-notifications .alert-danger button.close').forEach(close => close.click());
    }
    shown = task;
  });
}

/**
 * The 已办 and 站内消息 panels show the signed-in user's own tasks and messages: signing out (Tasklist's
 * route to its login) closes them, so that they neither cover the login nor show the next user someone
 * else's work on a shared computer.
 */
function closePanelsOnSignOut() {
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#/login')) {
      closePanel();
    }
  });
}

addStyle();
translateDirectives('cam.tasklist', {camWidgetBpmnViewer: DIAGRAM_TEXTS});
sayWhatWasDone();
announceCompletions();
closeRefusalsOfOtherTasks();
closePanelsOnSignOut();
keepTaskPeopleFixed();
new MutationObserver(() => {
  labelSearchPills();
  nameHistoryPeople();
  showCaseInHeader();
  untabTaskPeople();
}).observe(document.body, {childList: true, subtree: true});

export default [
  {id: 'ms-done', pluginPoint: 'tasklist.navbar.action', priority: 100, render: doneLink},
  {id: 'ms-inbox', pluginPoint: 'tasklist.navbar.action', priority: 90, render: inboxLink},
  {id: 'ms-county', pluginPoint: 'tasklist.navbar.action', priority: 80, render: countyLink},
  {id: 'ms-header-offers', pluginPoint: 'tasklist.navbar.action', priority: 0, render: headerOffers},
  {id: 'ms-quick-search', pluginPoint: 'tasklist.list', priority: 100, render: quickSearch},
  {id: 'ms-case-materials', pluginPoint: 'tasklist.task.detail', priority: 0, label: '申报材料',
    properties: {label: '申报材料'}, render: caseMaterials},
  {id: 'ms-task-commands', pluginPoint: 'tasklist.task.detail', priority: -10, label: '转办/退回',
    properties: {label: '转办/退回'}, render: taskCommands}
];
