// 违规与虚假材料举报: the city bureau reports a certified space (POST /api/violation-reports,
// Art. 10; POST /api/false-materials-reports, Art. 9) and sees the newest reports
// (GET /api/supervision-reports). The server decides who may (the city bureau); refusals are shown
// at their fields.

import { request } from '/common/session.js';
import { el, fill, formatTime, hide, show } from '/common/dom.js';
import { NotLoggedIn, asError } from '/common/errors.js';
import { clearFieldErrors, showFormError } from '/common/fields.js';
import { handleError, mountPage } from '/common/page.js';
import { codeLabel } from '/common/readable.js';

const $ = (id) => document.getElementById(id);
/** Each kind's door and the name and label of its text field. */
const KINDS = {
  VIOLATION: { path: '/api/violation-reports', text: 'violationDescription', label: '违规情况描述' },
  FALSE_MATERIALS: { path: '/api/false-materials-reports', text: 'reportText', label: '举报内容（虚假材料的情况）' },
};

const form = $('report-form');
const kind = () => KINDS[form.elements.kind.value];

async function load() {
  return (await request('GET', '/api/supervision-reports')).data;
}

function render(reports) {
  $('no-reports').hidden = reports.length > 0;
  $('report-list').hidden = reports.length === 0;
  fill($('report-list').tBodies[0], reports.map((r) => el('tr', {},
    el('td', { className: 'nowrap' }, formatTime(r.reportedAt)),
    el('td', { className: 'nowrap' }, codeLabel('supervisionReport', r.kind)),
    el('td', { className: 'nowrap' }, r.certificateNumber),
    el('td', {}, r.reportText),
    el('td', { className: 'nowrap' }, r.reportedBy))));
}

// the text field carries the name of the chosen kind's field, so that the server's errors land on it
form.addEventListener('change', (event) => {
  if (event.target.name === 'kind') {
    const text = $('report-text');
    text.name = kind().text;
    fill(document.querySelector('label[for="report-text"]'), kind().label);
    clearFieldErrors(form);
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('report-submit');
  button.disabled = true;
  hide($('report-error'), $('report-done'));
  clearFieldErrors(form);
  const chosen = kind();
  try {
    const filed = (await request('POST', chosen.path, { json: {
      certificateNumber: form.elements.certificateNumber.value.trim(),
      [chosen.text]: $('report-text').value.trim(),
    } })).data;
    form.elements.certificateNumber.value = '';
    $('report-text').value = '';
    fill($('report-done'), `已提交对 ${filed.certificateNumber} 的举报，已转入该空间的年度管理流程。`);
    show($('report-done'));
    render(await load());
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      handleError(e);
    } else {
      showFormError(form, $('report-error'), asError(e));
    }
  } finally {
    button.disabled = false;
  }
});

mountPage({
  section: '违规与虚假材料举报',
  login: { heading: '市科技局登录', hint: '仅市科技局工作人员可以提交和查看举报。' },
  load,
  render,
});
