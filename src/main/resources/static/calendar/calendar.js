// 工作日历页面：已覆盖的年份；系统管理员补充下一年度国务院办公厅节假日安排（检查后保存）。

import { ApiError } from '/common/errors.js';
import { request } from '/common/session.js';
import { el, fill, formatTime, hide, show } from '/common/dom.js';
import { handleError, mountPage } from '/common/page.js';
import { clearFieldErrors, showFieldErrors } from '/common/fields.js';
import { day } from '/common/readable.js';

const $ = (id) => document.getElementById(id);

const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const COMBINED = '中秋节、国庆节';
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const DAY = 86400000;

const api = {
  coverage: () => request('GET', '/api/calendar').then((r) => r.data),
  year: (year) => request('GET', `/api/calendar/${encodeURIComponent(year)}`).then((r) => r.data),
  check: (body) => request('POST', '/api/calendar/check', { json: body }).then((r) => r.data),
  add: (body) => request('POST', '/api/calendar/years', { json: body }).then((r) => r.data),
};

const state = { coverage: null, admin: false, baseRevision: 0, checked: null };

// ---------------------------------------------------------------- coverage

/** Shows the page for this user: only system administrators may add years (the server checks it again). */
function renderPage(coverage, user) {
  state.admin = Boolean(user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin'));
  if (state.admin) {
    show($('admin-actions'));
  } else {
    hide($('admin-actions'));
  }
  renderCoverage(coverage);
}

function renderCoverage(coverage) {
  state.coverage = coverage;
  const warning = $('coverage-warning');
  // The reminder as worded for this page: the general one sends its reader to this very page by its address.
  const text = coverage.pageWarning || coverage.warning;
  if (text) {
    fill(warning, text);
    show(warning);
  } else {
    hide(warning);
  }
  const rows = [...coverage.years].reverse().map((y) => {
    const added = y.origin === 'admin';
    return el('tr', {
      className: 'selectable',
      dataset: { year: String(y.year) },
      title: '单击查看该年份的节假日安排',
      tabIndex: 0,
      onClick: () => openYear(y.year),
      onKeydown: (event) => { if (event.key === 'Enter') openYear(y.year); },
    },
    el('td', { className: 'nowrap' }, `${y.year}年`),
    el('td', {}, el('span', { className: 'badge source' }, added ? '管理员补充' : '随程序发布')),
    el('td', {}, (y.documents || []).join('；') || '—'),
    el('td', { className: 'nowrap' }, y.revision != null ? `第 ${y.revision} 次` : '—'),
    el('td', { className: 'nowrap' }, y.addedBy || '—'),
    el('td', { className: 'nowrap' }, formatTime(y.addedAt)),
    el('td', {}, y.reason || '—'));
  });
  fill($('year-list').tBodies[0], rows);
}

// ---------------------------------------------------------------- one year, read-only

/** Shows a covered year's days off and working weekends; administrators may revise an added year. */
async function openYear(year) {
  let detail;
  try {
    detail = await api.year(year);
  } catch (e) {
    handleError(e);
    return;
  }
  const entry = detail.entry;
  fill($('year-card-title'), `${year}年节假日安排（${detail.origin === 'admin' ? `管理员补充，第 ${detail.revision} 次修订` : '随程序发布'}）`);
  fill($('year-card-source'), (entry.sources || []).map((s) => [s.title, s.document, s.date && `发布日期 ${day(s.date)}`]
    .filter(Boolean).join('，')).join('；'));
  const festivals = [...new Set([...(entry.holidays || []), ...(entry.workdays || [])].map((g) => g.festival))];
  const datesOf = (groups, festival) => groups.filter((g) => g.festival === festival).flatMap((g) => g.dates).sort();
  fill($('year-days').tBodies[0], festivals.map((festival) => el('tr', {},
    el('th', { scope: 'row', className: 'nowrap' }, festival),
    el('td', {}, datesOf(entry.holidays || [], festival).map(dateLine).join('、') || '—'),
    el('td', {}, datesOf(entry.workdays || [], festival).map(dateLine).join('、') || '—'))));
  const s = detail.summary;
  fill($('year-card-summary'), `放假的工作日 ${s.weekdaysOff} 天，调休上班 ${s.workingWeekends} 天，差额 ${s.balance} 天（法定节假日 ${s.statutoryDaysOff} 天）。`);
  $('revise-button').hidden = !(state.admin && detail.origin === 'admin');
  $('revise-button').onclick = () => { hide($('year-card')); openForm(year); };
  hide($('edit-card'));
  show($('year-card'));
  $('year-card').scrollIntoView({ block: 'start' });
}

$('close-year-button').addEventListener('click', () => hide($('year-card')));

// ---------------------------------------------------------------- the form

function festivalRows() {
  return FESTIVALS.map((festival) => el('tr', { dataset: { festival } },
    el('th', { scope: 'row', className: 'nowrap' }, festival),
    el('td', {}, el('input', { type: 'date', className: 'from', 'aria-label': `${festival}放假开始` })),
    el('td', {}, el('input', { type: 'date', className: 'to', 'aria-label': `${festival}放假结束` })),
    el('td', {}, el('input', { type: 'date', className: 'work', 'aria-label': `${festival}调休上班日一` })),
    el('td', {}, el('input', { type: 'date', className: 'work', 'aria-label': `${festival}调休上班日二` }))));
}

function row(festival) {
  return $('festivals').querySelector(`tr[data-festival="${festival}"]`);
}

function setTitleFor(year) {
  $('notice-title').value = `国务院办公厅关于${year}年部分节假日安排的通知`;
}

async function openForm(year) {
  fill($('festivals').tBodies[0], festivalRows());
  $('year-form').reset();
  hide($('form-error'), $('check-result'));
  state.checked = null;
  $('save-button').disabled = true;
  if (year == null) {
    const next = state.coverage.lastYear + 1;
    state.baseRevision = 0;
    $('year').value = String(next);
    $('year').disabled = false;
    setTitleFor(next);
    fill($('edit-title'), `补充${next}年节假日安排`);
  } else {
    try {
      const detail = await api.year(year);
      state.baseRevision = detail.revision;
      fillForm(detail.entry);
      $('year').disabled = true;
      fill($('edit-title'), `修订${year}年节假日安排（当前为第 ${detail.revision} 次修订）`);
    } catch (e) {
      handleError(e);
      return;
    }
  }
  show($('edit-card'));
  hide($('admin-actions'));
  $('edit-card').scrollIntoView({ block: 'start' });
}

function fillForm(entry) {
  $('year').value = String(entry.year);
  const source = (entry.sources || [])[0] || {};
  $('document').value = source.document || '';
  $('notice-title').value = source.title || '';
  $('notice-date').value = source.date || '';
  $('notice-url').value = source.url || '';
  $('verification').value = entry.verification || '';
  for (const group of entry.holidays || []) {
    const festival = group.festival === COMBINED ? '中秋节' : group.festival;
    if (group.festival === COMBINED) {
      $('combined').checked = true;
    }
    const dates = [...group.dates].sort();
    const r = row(festival);
    if (r && dates.length) {
      r.querySelector('.from').value = dates[0];
      r.querySelector('.to').value = dates[dates.length - 1];
    }
  }
  for (const group of entry.workdays || []) {
    const r = row(group.festival === COMBINED ? '中秋节' : group.festival);
    if (r) {
      r.querySelectorAll('.work').forEach((input, i) => { input.value = group.dates[i] || ''; });
    }
  }
  applyCombined();
}

function applyCombined() {
  const combined = $('combined').checked;
  row('中秋节').querySelector('th').textContent = combined ? COMBINED : '中秋节';
  if (combined) {
    hide(row('国庆节'));
  } else {
    show(row('国庆节'));
  }
}

function closeForm() {
  hide($('edit-card'));
  if (state.admin) {
    show($('admin-actions'));
  }
}

/** Every date from..to, both included ('YYYY-MM-DD', no time zone involved). */
function range(from, to) {
  const dates = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** The request body from the form; a problem the server cannot see (end before start) is thrown. */
function body() {
  const year = Number($('year').value);
  const combined = $('combined').checked;
  const holidays = [];
  const workdays = [];
  for (const festival of FESTIVALS) {
    if (combined && festival === '国庆节') {
      continue;
    }
    const name = combined && festival === '中秋节' ? COMBINED : festival;
    const r = row(festival);
    const from = r.querySelector('.from').value;
    const to = r.querySelector('.to').value || from;
    if (from) {
      if (to < from) {
        throw new ApiError(400, `${name}的放假结束日期早于开始日期`);
      }
      holidays.push({ festival: name, dates: range(from, to) });
    }
    const work = [...r.querySelectorAll('.work')].map((input) => input.value).filter(Boolean);
    if (work.length) {
      workdays.push({ festival: name, dates: work });
    }
  }
  const url = $('notice-url').value.trim();
  return {
    baseRevision: state.baseRevision,
    reason: $('reason').value.trim(),
    entry: {
      year: Number.isInteger(year) ? year : 0,
      verified: $('verified').checked,
      sources: [{
        document: $('document').value.trim(),
        title: $('notice-title').value.trim(),
        date: $('notice-date').value || null,
        ...(url ? { url } : {}),
      }],
      verification: $('verification').value.trim(),
      holidays,
      workdays,
    },
  };
}

/** "2026年1月1日（星期四）" from a calendar day as the server sends it (2026-01-01). */
function dateLine(date) {
  return `${day(date)}（${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
}

function renderCheck(result, sent) {
  const box = $('check-result');
  const s = result.summary;
  const balance = s ? `放假的工作日 ${s.weekdaysOff} 天，调休上班 ${s.workingWeekends} 天，差额 ${s.balance} 天（法定节假日 ${s.statutoryDaysOff} 天）` : '';
  if (!result.valid) {
    // each error at its field; what belongs to no single field (the holidays' balance) stays here
    const unplaced = showFieldErrors($('year-form'), result.errors);
    fill(box, el('div', { className: 'message error' }, '检查未通过：',
      unplaced.length < result.errors.length ? '请按各栏下方的提示修改。' : null,
      el('ul', {}, unplaced.map((e) => el('li', { dataset: { field: e.field } }, e.message))),
      balance ? el('p', {}, balance) : null));
    $('year-form').querySelector('[aria-invalid="true"]')?.focus();
  } else {
    clearFieldErrors($('year-form'));
    const off = sent.entry.holidays.flatMap((g) => g.dates).filter((d) => {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    });
    const work = sent.entry.workdays.flatMap((g) => g.dates).sort();
    fill(box, el('div', { className: 'message ok' }, `检查通过：${balance}。请再次对照通知原文核对以下日期，然后保存。`),
      el('h4', {}, '工作日放假'),
      el('ul', { className: 'date-list' }, off.map((d) => el('li', {}, dateLine(d)))),
      el('h4', {}, '周末调休上班'),
      el('ul', { className: 'date-list' }, work.map((d) => el('li', {}, dateLine(d)))));
  }
  show(box);
}

$('combined').addEventListener('change', applyCombined);
$('year').addEventListener('change', () => setTitleFor($('year').value));
$('year-form').addEventListener('input', () => {
  // Anything changed after a check must be checked again before it can be saved.
  state.checked = null;
  $('save-button').disabled = true;
});
$('add-button').addEventListener('click', () => { hide($('year-card')); openForm(null); });
$('cancel-button').addEventListener('click', closeForm);

$('check-button').addEventListener('click', async () => {
  hide($('form-error'), $('check-result'));
  $('save-button').disabled = true;
  try {
    const sent = body();
    const result = await api.check(sent);
    renderCheck(result, sent);
    if (result.valid) {
      state.checked = JSON.stringify(sent);
      $('save-button').disabled = false;
    }
  } catch (e) {
    handleError(e, $('form-error'));
  }
});

$('year-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const sent = body();
  if (state.checked !== JSON.stringify(sent)) {
    $('save-button').disabled = true;
    return;
  }
  $('save-button').disabled = true;
  try {
    const saved = await api.add(sent);
    closeForm();
    renderCoverage(await api.coverage());
    fill($('global-message'), el('div', { className: 'message ok' },
      `已保存${sent.entry.year}年节假日安排（第 ${saved.revision} 次修订），本节点立即按新日历计算期限，其他节点最迟一分钟内同步。`));
  } catch (e) {
    handleError(e, $('form-error'));
  }
});

mountPage({
  section: '工作日历',
  login: { hint: '所有工作人员均可查看；补充节假日安排须使用“系统管理员”组的账号。' },
  load: api.coverage,
  render: renderPage,
  onLeave: () => hide($('edit-card')),
});
