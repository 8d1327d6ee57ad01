// The history's variables tab (Cockpit, scripts/history) shows each variable's meaning from the
// dictionary's table "variable". A variable without one shows its bare English name to auditors, who
// read Chinese only: spaceAddress, declarationConfirmed, searchText, intakeResult and the card*
// variables did. These tests find the names where they are defined, in the Java sources and the forms.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const ROOT = new URL('../../../', import.meta.url);
const JAVA = new URL('src/main/java/cn/gov/shuozhou/makerspace/', ROOT);
const FORMS = new URL('bpmn/forms/', ROOT);
const DICTIONARY = JSON.parse(readFileSync(new URL('src/main/resources/static/common/dictionary.json', ROOT), 'utf8'));
const LABELS = DICTIONARY.variable || {};

/** The classes that name the processes' variables. */
const NAMING_CLASSES = [
  'certification/CertificationProcess.java',
  'supervision/SupervisionProcess.java',
  'sanction/SanctionHearing.java',
  'tasks/CaseCard.java',
];

/**
 * Constants of those classes that name no variable: the process key, messages, tasks, escalations,
 * and codes a variable holds (excellent, warning, approve, …; upper-case codes such as EXPIRED are
 * left out by their spelling).
 */
const NOT_VARIABLES = /^(KEY|TASK_\w+|MESSAGE_\w+|ESCALATION_\w+|GRADE_\w+|SOURCE_\w+|SANCTION_(WARNING|RECTIFICATION|REVOKE)|APPROVE|REJECT)$/;

function variablesOf(file) {
  const source = readFileSync(new URL(file, JAVA), 'utf8');
  return [...source.matchAll(/public static final String (\w+) = "([a-z][A-Za-z0-9]*)";/g)]
    .filter(([, constant]) => !NOT_VARIABLES.test(constant))
    .map(([, , name]) => name);
}

function formFields(component, found = new Set()) {
  for (const child of component.components || []) {
    if (child.key) {
      found.add(child.key);
    }
    formFields(child, found);
  }
  return found;
}

function unlabelled(names) {
  return [...new Set(names)].filter((name) => !/\p{Script=Han}/u.test(LABELS[name] || ''));
}

test('the variables the tester found without a label have one, the forms\' wording', () => {
  assert.equal(LABELS.spaceAddress, '众创空间地址');
  assert.equal(LABELS.declarationConfirmed, '本单位承诺以上填报内容真实、准确、完整');
  assert.equal(LABELS.intakeResult, '受理审查结果');
  assert.match(LABELS.searchText, /检索/);
  for (const card of ['cardApplicationNumber', 'cardCertificateNumber', 'cardSpaceName', 'cardCountyName',
    'cardOperatorName']) {
    assert.match(LABELS[card], /^任务卡片：\p{Script=Han}/u, card);
  }
});

for (const file of NAMING_CLASSES) {
  test(`every variable that ${file.split('/').pop()} names has a Chinese label`, () => {
    const names = variablesOf(file);
    assert.ok(names.length >= 5, `${file}: names found`);
    assert.deepEqual(unlabelled(names), []);
  });
}

test('every field of every form has a Chinese label', () => {
  const forms = readdirSync(FORMS).filter((name) => name.endsWith('.form'));
  assert.ok(forms.length > 10);
  const fields = forms.flatMap((form) => [...formFields(JSON.parse(readFileSync(new URL(form, FORMS), 'utf8')))]);
  assert.deepEqual(unlabelled(fields), []);
});
