// 在线申报: the application form of the portal, built at runtime from the process's own start form
// (bpmn/forms/form-application.form, as the engine deployed it: the same definition Tasklist shows,
// no field list copied here), with the checklist of decision required-materials and one upload per
// item (materials.js). Filing: POST /api/my/applications; the server checks the fields and that every
// required item has a file, then starts the case and submits the files with it.

import { request } from '/common/session.js';
import { NotLoggedIn, asError } from '/common/errors.js';
import { el, fill, focusOn, hide, show, showError, whileBusy } from '/common/dom.js';
import { clearFieldErrors, showFormError } from '/common/fields.js';
import { handleError } from '/common/page.js';
import { codeLabel } from '/common/readable.js';
import { applicationForm, renderForm } from './form-renderer.js';
import { mountMaterials } from './materials.js';

const $ = (id) => document.getElementById(id);
/** The answers the checklist depends on (decision required-materials). */
const CHECKLIST_INPUTS = ['premises', 'hostType', 'convertedOldBuilding', 'spaceFocus'];
/** Where the server's refusals of the materials (field "materials") are shown. */
const MATERIALS = 'materials';

const state = { form: null, widget: null, checklistKey: null, onFiled: () => {} };

async function updateChecklist() {
  const current = state.form.values();
  if (CHECKLIST_INPUTS.some((name) => current[name] === undefined || current[name] === null)) {
    return;
  }
  const query = CHECKLIST_INPUTS.map((name) => `${name}=${encodeURIComponent(current[name])}`).join('&');
  if (query === state.checklistKey) {
    return;
  }
  state.checklistKey = query;
  const checklist = (await request('GET', `/api/materials/checklist?${query}`)).data;
  fill($('apply-limits'), `单个文件不超过 ${Math.round(checklist.maxFileBytes / 1048576)} MB，`
    + `每件申请的材料合计不超过 ${Math.round(checklist.maxApplicationBytes / 1048576)} MB。`);
  state.widget = await mountMaterials($('apply-materials'), { step: 'application', items: checklist.items });
}

/**
 * Opens the form (the same definition Tasklist shows), filled in from the account: credit code,
 * organisation, county and contact (the applicant changes what differs for this space).
 */
async function open(defaults) {
  hide($('apply-open'));
  show($('apply-panel'));
  if (state.form) {
    return;
  }
  try {
    const definition = await applicationForm();
    const form = $('apply-form');
    state.form = renderForm(definition, defaults || {});
    fill(form.querySelector('.apply-fields'), state.form.node);
    $('apply-materials').dataset.field = MATERIALS;
    form.addEventListener('change', () => updateChecklist().catch((e) => showError($('apply-error'), e)));
    form.addEventListener('submit', (event) => submit(event, form));
  } catch (e) {
    showError($('apply-error'), e);
  }
}

/**
 * The server's refusal with the materials still missing here: the server checks the fields first
 * and names the missing materials only once they are right, so the applicant learns both at once.
 */
function withMissingMaterials(error) {
  const missing = state.widget ? state.widget.missingRequired() : [];
  if (!missing.length || error.errors.some((e) => e.field === MATERIALS)) {
    return error;
  }
  error.errors.push({ field: MATERIALS, message: `以下必需材料尚未上传：${missing.map((m) => m.name).join('、')}` });
  return error;
}

function submit(event, form) {
  event.preventDefault();
  // a second click or Enter while the filing is on its way files nothing more
  return whileBusy($('apply-submit'), () => file(form));
}

async function file(form) {
  hide($('apply-error'));
  clearFieldErrors(form);
  try {
    const answer = (await request('POST', '/api/my/applications', { json: state.form.values() })).data;
    const number = answer.applicationNumber;
    const files = (await request('GET', `/api/materials?caseNumber=${encodeURIComponent(number)}`)).data;
    hide(form);
    // a filing the intake refuses (a ban, a case in progress, a valid certificate) ends at once:
    // say so with its reason, not "submitted"
    const refused = answer.state === 'COMPLETED';
    $('apply-done').className = refused ? 'message error' : 'message ok';
    fill($('apply-done'),
      el('p', {}, refused ? `${codeLabel('outcome', answer.outcome)}，申请编号：` : '申请已提交，申请编号：',
        el('strong', { className: 'apply-number' }, number)),
      refused ? el('p', { className: 'apply-outcome' }, answer.outcomeReason) : null,
      // the pre-check's answer at once: the case already waits for a supplement
      answer.eligibilityFindingsText ? el('div', { className: 'apply-supplement message warn' },
        el('p', {}, '预审发现以下事项不符合认定条件，需要补正：'),
        el('ul', {}, answer.eligibilityFindingsText.split('\n').filter(Boolean).map((line) => el('li', {}, line))),
        el('p', {}, '请在“我的申请”中打开本申请，补正后重新提交，或撤回申请。')) : null,
      el('p', {}, `已随申请提交的材料（${files.length} 份）：`),
      el('ul', { className: 'apply-files' }, files.map((f) => el('li', { dataset: { code: f.materialCode } }, `${f.materialName}：`,
        el('a', { href: f.downloadUrl, rel: 'noopener', dataset: { userText: '' } }, f.fileName)))),
      el('button', { type: 'button', onClick: () => window.location.reload() }, '返回我的申请'));
    show($('apply-done'));
    focusOn($('apply-done'));
    state.onFiled(); // 我的申请 above lists the new case at once
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      handleError(e); // the portal's login, the typed form kept behind it
    } else {
      showFormError(form, $('apply-error'), withMissingMaterials(asError(e)));
    }
  }
}

/**
 * Binds 在线申报 to the signed-in organisation ({@code defaults}: what the form is filled in with, by
 * field key); {@code onFiled} runs once a case is filed.
 */
export function bindApply(defaults, onFiled) {
  state.onFiled = onFiled;
  $('apply-open').onclick = () => open(defaults);
}
