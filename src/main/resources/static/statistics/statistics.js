// 统计报表: the bureau's dashboard (GET /api/statistics), each section a table with its chart;
// every count opens the cases behind it (GET /api/statistics/cases); each table exports to Excel
// and CSV, the whole year to one workbook (docs/statistics.md).

import { request } from '/common/session.js';
import { el, fill, hide, show } from '/common/dom.js';
import { handleError, mountPage } from '/common/page.js';
import { DICTIONARY } from '/common/readable.js';
import { clearFieldErrors, showFormError } from '/common/fields.js';
import { asError } from '/common/errors.js';

const $ = (id) => document.getElementById(id);
const charts = [];

/** The filled filters as query parameters. */
function filters() {
  const query = new URLSearchParams();
  for (const name of ['year', 'county', 'from', 'to']) {
    const value = $('filters').elements[name].value.trim();
    if (value) {
      query.set(name, value);
    }
  }
  return query;
}

const withQuery = (path, query) => (query.toString() ? `${path}?${query}` : path);

// Each load is numbered: an answer that arrives after a later request was sent is not shown over it.
let latest = 0;

async function load() {
  const mine = ++latest;
  const { data } = await request('GET', withQuery('/api/statistics', filters()));
  return { ...data, superseded: mine !== latest };
}

function render({ sections, superseded }) {
  if (superseded) {
    return;
  }
  charts.splice(0).forEach((c) => c.dispose());
  const query = filters();
  const report = $('annual-report');
  report.hidden = !query.get('year');
  report.href = withQuery('/api/statistics/annual-report.xlsx', query);
  fill($('sections'), sections.map((section) => sectionCard(section, query)));
  sections.forEach((section) => drawChart(section));
}

function sectionCard(section, query) {
  const titleId = `section-${section.key}-title`;
  const head = el('tr', {}, ...section.headers.map((h) => el('th', { scope: 'col' }, h)));
  const body = section.rows.map((row, r) => el('tr', {},
    el('th', { scope: 'row' }, row.label),
    ...row.cells.map((cell, c) => el('td', { className: 'number' }, cell.linked
      ? el('a', { href: '#case-list', dataset: { section: section.key, row: String(r), column: String(c) },
        onclick: (event) => { event.preventDefault(); openCases(section.key, r, c, 0); } }, cell.text)
      : cell.text))));
  return el('section', { className: 'card', id: `section-${section.key}`, 'aria-labelledby': titleId },
    el('h2', { id: titleId }, section.title),
    el('p', { className: 'hint' }, section.note),
    el('div', { className: 'exports' },
      el('a', { className: 'button-link', href: withQuery(`/api/statistics/${section.key}.xlsx`, query) }, '导出电子表格'),
      el('a', { className: 'button-link', href: withQuery(`/api/statistics/${section.key}.csv`, query) }, '导出逗号分隔文件')),
    el('div', { className: 'stat-body' },
      el('table', { className: 'data' }, el('thead', {}, head), el('tbody', {}, ...body)),
      el('div', { className: 'stat-chart', id: `chart-${section.key}`, role: 'img',
        'aria-label': `${section.title}的柱状图` })));
}

/** A bar chart of the section's first column (the rows' totals are left out). */
function drawChart(section) {
  const rows = section.rows.filter((r) => r.label !== '合计' && r.cells.length && r.cells[0].value !== null);
  if (!window.echarts || !rows.length) {
    return;
  }
  const chart = window.echarts.init($(`chart-${section.key}`), null, { renderer: 'svg' });
  chart.setOption({
    tooltip: {},
    grid: { left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    series: [{ type: 'bar', name: section.headers[1], data: rows.map((r) => r.cells[0].value) }],
  });
  charts.push(chart);
}

async function openCases(section, row, column, page) {
  const query = filters();
  Object.entries({ section, row, column, page }).forEach(([k, v]) => query.set(k, String(v)));
  try {
    const list = (await request('GET', withQuery('/api/statistics/cases', query))).data;
    fill($('case-list-title'), `案件清单：${list.title} · ${list.row} · ${list.column}（共${list.total}件）`);
    fill($('case-table').tHead, el('tr', {}, ...list.headers.map((h) => el('th', { scope: 'col' }, h))));
    fill($('case-table').tBodies[0], list.cases.map((c) => el('tr', {},
      ...[c.number, c.spaceName, c.county, c.stage, c.from, c.to, c.outcome].map((v) => el('td', {}, v || '')))));
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    fill($('case-pages'), `第${list.page + 1}页，共${pages}页 `,
      list.page > 0 ? el('button', { type: 'button', onclick: () => openCases(section, row, column, list.page - 1) }, '上一页') : null,
      list.page + 1 < pages ? el('button', { type: 'button', onclick: () => openCases(section, row, column, list.page + 1) }, '下一页') : null);
    fill($('case-actions'), section === 'campaign' ? reminderButton(list.row) : null);
    show($('case-list'));
    $('case-list').scrollIntoView();
  } catch (e) {
    handleError(e);
  }
}

/** The year-end campaign: remind a county's spaces whose report of the filtered year is missing (once per space and year). */
function reminderButton(countyName) {
  const county = Object.entries(DICTIONARY.county || {}).find(([, name]) => name === countyName);
  const year = filters().get('year');
  if (!county || !year) {
    return el('p', { className: 'hint' }, '选择年度并打开某一县（区）的“未报送”清单后，可向其中未报送的众创空间发送催报提醒。');
  }
  return el('button', { type: 'button', id: 'send-reminders', onclick: async () => {
    hide($('global-message'));
    try {
      const answer = (await request('POST', '/api/statistics/campaign/reminders',
        { json: { year: Number(year), county: county[0] } })).data;
      fill($('global-message'), el('div', { className: 'message ok' }, answer.message));
      show($('global-message'));
    } catch (e) {
      handleError(e);
      show($('global-message'));
    }
  } }, `向${countyName}未报送${year}年度报告的众创空间发送催报提醒`);
}

function bindFilters() {
  const counties = DICTIONARY.county || {};
  Object.entries(counties).forEach(([code, name]) => $('filter-county').append(el('option', { value: code }, name)));
  $('filters').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors($('filters'));
    hide($('filter-error'), $('case-list'));
    try {
      render(await load());
    } catch (e) {
      fill($('sections')); // no figures of an earlier query under a refused one
      showFormError($('filters'), $('filter-error'), asError(e));
    }
  });
  $('case-close').addEventListener('click', () => hide($('case-list')));
}

bindFilters();
mountPage({
  section: '统计报表',
  login: { hint: '市科技局、局领导、审计人员和系统管理员查看统计报表并导出。' },
  load,
  render,
});
