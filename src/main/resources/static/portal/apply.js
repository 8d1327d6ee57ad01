// 在线申报: the application form of the portal, built at runtime from the process's own start form
// (bpmn/forms/form-application.form, as the engine deployed it: the same definition Tasklist shows,
// no field list copied here), with the checklist of decision required-materials and one upload per
// item (materials.js). Filing: POST /api/my/applications; the server checks the fields and that every
// required item has a file, then starts the case and submits the files with it.

import { request } from '/common/session.js';
import { el, fill, hide, show, showError } from '/common/dom.js';
import { codeLabel } from '/common/readable.js';
import { mountMaterials } from './materials.js';

const $ = (id) => document.getElementById(id);
const START_FORM = '/camunda/api/engine/engine/default/process-definition/key/maker-space-certification/deployed-start-form';
/** The answers the checklist depends on (decision required-materials). */
const CHECKLIST_INPUTS = ['premises', 'hostType', 'convertedOldBuilding', 'spaceFocus'];

const state = { fields: [], widget: null, checklistKey: null };

async function startForm() {
  const response = await fetch(START_FORM, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`无法读取申请表（HTTP ${response.status}），请刷新后重试。`);
  }
  return response.json();
}

/** A form-js condition of the simple kind the form uses: =key != "value" or =key = "value". */
function hidden(component, values) {
  const rule = component.conditional && component.conditional.hide;
  const match = rule && /^=\s*(\w+)\s*(!=|=)\s*"([^"]*)"\s*$/.exec(rule);
  if (!match) {
    return false;
  }
  const value = values[match[1]] === undefined ? null : String(values[match[1]]);
  return match[2] === '!=' ? value !== match[3] : value === match[3];
}

function control(c) {
  const id = `apply-${c.key}`;
  const v = c.validate || {};
  const label = el('label', { className: `field${v.required ? ' required' : ''}`, for: id }, c.label);
  let input;
  switch (c.type) {
    case 'textfield':
      input = el('input', { type: 'text', id, name: c.key, required: !!v.required,
        maxLength: v.maxLength || undefined, pattern: v.pattern ? v.pattern.replace(/^\^|\$$/g, '') : undefined });
      break;
    case 'number':
      input = el('input', { type: 'number', id, name: c.key, step: 'any', required: !!v.required,
        min: typeof v.min === 'number' ? String(v.min) : undefined, max: typeof v.max === 'number' ? String(v.max) : undefined });
      break;
    case 'checkbox':
      input = el('input', { type: 'checkbox', id, name: c.key, required: !!v.required });
      return el('div', { className: 'form-field checkbox', dataset: { key: c.key } },
        el('label', { for: id }, input, ' ', c.label), c.description ? el('div', { className: 'hint' }, c.description) : null);
    case 'select':
      input = el('select', { id, name: c.key, required: !!v.required },
        el('option', { value: '' }, '请选择'), (c.values || []).map((o) => el('option', { value: o.value }, o.label)));
      break;
    case 'radio':
      return el('fieldset', { className: 'form-field radio', dataset: { key: c.key } }, el('legend', {}, c.label),
        (c.values || []).map((o, i) => el('label', { for: `${id}-${i}` },
          el('input', { type: 'radio', id: `${id}-${i}`, name: c.key, value: o.value, required: !!v.required }), ' ', o.label)),
        c.description ? el('div', { className: 'hint' }, c.description) : null);
    default:
      return null;
  }
  return el('div', { className: 'form-field', dataset: { key: c.key } }, label, input,
    c.description ? el('div', { className: 'hint' }, c.description) : null);
}

function render(components) {
  return components.map((c) => {
    if (c.type === 'group') {
      return el('fieldset', { className: 'form-group' }, el('legend', {}, c.label), render(c.components || []));
    }
    if (c.type === 'text') {
      return el('div', { className: 'form-text' }, (c.text || '').split('\n').filter((line) => line.trim())
        .map((line) => el(line.startsWith('#') ? 'h3' : 'p', {}, line.replace(/^#+\s*/, ''))));
    }
    if (c.key) {
      state.fields.push(c);
    }
    return control(c);
  });
}

function values(form) {
  const out = {};
  for (const c of state.fields) {
    const element = form.elements[c.key];
    if (!element) {
      continue;
    }
    if (c.type === 'checkbox') {
      out[c.key] = element.checked;
    } else if (c.type === 'number') {
      if (element.value !== '') {
        out[c.key] = Number(element.value);
      }
    } else if (element.value !== '') {
      out[c.key] = element.value.trim();
    }
  }
  for (const c of state.fields) {
    if (hidden(c, out)) {
      delete out[c.key];
    }
  }
  return out;
}

function applyConditions(form) {
  const current = values(form);
  for (const c of state.fields) {
    const node = form.querySelector(`[data-key="${c.key}"]`);
    if (node) {
      node.hidden = hidden(c, current);
      node.querySelectorAll('input, select').forEach((i) => { i.disabled = node.hidden; });
    }
  }
}

async function updateChecklist(form) {
  const current = values(form);
  if (CHECKLIST_INPUTS.some((name) => current[name] === undefined)) {
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

async function open() {
  hide($('apply-open'));
  show($('apply-panel'));
  if (state.fields.length) {
    return;
  }
  try {
    const definition = await startForm();
    const form = $('apply-form');
    fill(form.querySelector('.apply-fields'), render(definition.components || []));
    applyConditions(form);
    form.addEventListener('change', () => {
      applyConditions(form);
      updateChecklist(form).catch((e) => showError($('apply-error'), e));
    });
    form.addEventListener('submit', (event) => submit(event, form));
  } catch (e) {
    showError($('apply-error'), e);
  }
}

async function submit(event, form) {
  event.preventDefault();
  hide($('apply-error'));
  if (!state.widget) {
    showError($('apply-error'), new Error('请先填写场地性质、依托单位类型、服务对象类型等信息，再上传申报材料。'));
    return;
  }
  const missing = state.widget.missingRequired();
  if (missing.length) {
    showError($('apply-error'), { message: '以下必需材料尚未上传：', errors: missing.map((m) => m.name) });
    return;
  }
  try {
    const answer = (await request('POST', '/api/my/applications', { json: values(form) })).data;
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
      el('p', {}, `已随申请提交的材料（${files.length} 份）：`),
      el('ul', { className: 'apply-files' }, files.map((f) => el('li', {}, `${f.materialName}：`,
        el('a', { href: f.downloadUrl, rel: 'noopener', dataset: { userText: '' } }, f.fileName)))),
      el('button', { type: 'button', onClick: () => window.location.reload() }, '返回我的申请'));
    show($('apply-done'));
  } catch (e) {
    showError($('apply-error'), e);
  }
}

$('apply-open').addEventListener('click', open);
