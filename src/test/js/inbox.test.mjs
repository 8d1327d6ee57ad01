import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerWith, calls, common, json } from './support/env.mjs';

const { inboxTitle, loadInbox, renderInbox, unreadCount } = await common('inbox.js');
const { el } = await common('dom.js');

const WELCOME = '/camunda/app/welcome/default/';

function messages() {
  return [
    { id: 'm2', subject: '超时提醒：初审', body: '任务“初审”（空间：晋北创客谷，申请编号：SQ-2026-000002）已超过办理期限', createdAt: '2026-12-06T06:30:00Z', readAt: null },
    { id: 'm1', subject: '新任务：初审', body: '您有一项新的待办任务', createdAt: '2026-12-05T01:05:00Z', readAt: '2026-12-05T02:00:00Z' },
  ];
}

beforeEach(() => {
  calls.length = 0;
});

test('the title counts the unread messages, and says nothing more when all are read', () => {
  const items = messages();
  assert.equal(unreadCount(items), 1);
  assert.equal(inboxTitle(items), '站内消息（1 条未读）');
  assert.equal(inboxTitle([items[1]]), '站内消息');
});

test('the messages are loaded from the caller\'s own inbox', async () => {
  answerWith(() => json(200, messages()));
  const items = await loadInbox();
  assert.equal(items.length, 2);
  assert.equal(calls[0].url, '/api/my/inbox');
});

test('each message shows its time, subject and state; its text stays closed until opened', () => {
  const box = el('div');
  renderInbox(box, messages());
  const items = box.querySelectorAll('li.ms-inbox-item');
  assert.equal(items.length, 2);
  assert.equal(items[0].querySelector('time').textContent, '2026年12月6日 14:30');
  assert.equal(items[0].querySelector('.ms-inbox-state').textContent, '未读');
  assert.equal(items[0].classList.contains('ms-inbox-unread'), true);
  assert.equal(items[1].querySelector('.ms-inbox-state').textContent, '已读');
  assert.equal(items[0].querySelector('.ms-inbox-body').hidden, true);
  assert.equal(items[0].querySelector('button.ms-inbox-open').getAttribute('aria-expanded'), 'false');
});

test('opening an unread message shows its text and marks it read once', async () => {
  answerWith((url) => (url === WELCOME
    ? new Response('', { status: 200, headers: { 'X-XSRF-TOKEN': 'T1' } })
    : new Response(null, { status: 204 })));
  const box = el('div');
  const counts = [];
  renderInbox(box, messages(), (items) => counts.push(unreadCount(items)));
  const item = box.querySelectorAll('li.ms-inbox-item')[0];
  const open = item.querySelector('button.ms-inbox-open');
  open.click();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(item.querySelector('.ms-inbox-body').hidden, false);
  assert.equal(open.getAttribute('aria-expanded'), 'true');
  assert.equal(item.querySelector('.ms-inbox-state').textContent, '已读');
  assert.equal(item.classList.contains('ms-inbox-unread'), false);
  assert.deepEqual(counts, [0]);
  assert.deepEqual(calls.filter((c) => c.method === 'POST').map((c) => c.url), ['/api/my/inbox/m2/read']);

  open.click(); // closed again
  open.click(); // and opened: already read, nothing more is sent
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(calls.filter((c) => c.method === 'POST').length, 1);
});

test('a refused mark-as-read leaves the message unread and says why', async () => {
  answerWith(() => json(404, { title: '未找到', detail: '没有这条消息' }));
  const box = el('div');
  renderInbox(box, messages());
  const item = box.querySelectorAll('li.ms-inbox-item')[0];
  item.querySelector('button.ms-inbox-open').click();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(item.querySelector('.ms-inbox-state').textContent, '没有这条消息');
  assert.equal(item.classList.contains('ms-inbox-unread'), true);
});

test('an empty inbox says so', () => {
  const box = el('div');
  renderInbox(box, []);
  assert.equal(box.textContent, '暂无站内消息。');
});

test('in Tasklist a message about a task the user can still open links to it; the portal offers no link', () => {
  const items = messages();
  items[0].taskId = '任务-7';
  const tasklist = el('div');
  renderInbox(tasklist, items, () => {}, (taskId) => `#/?task=${encodeURIComponent(taskId)}`);
  const links = tasklist.querySelectorAll('a.ms-inbox-task');
  assert.equal(links.length, 1);
  assert.equal(links[0].getAttribute('href'), `#/?task=${encodeURIComponent('任务-7')}`);
  assert.equal(links[0].textContent, '办理此任务');
  assert.equal(links[0].getAttribute('aria-label'), '办理此任务：超时提醒：初审');

  const portal = el('div');
  renderInbox(portal, items);
  assert.equal(portal.querySelectorAll('a.ms-inbox-task').length, 0);
});
