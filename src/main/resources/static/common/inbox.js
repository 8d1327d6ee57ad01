// 站内消息: the signed-in user's own messages (GET /api/my/inbox, newest first) and marking one
// read (POST /api/my/inbox/{id}/read). One view for both audiences: staff open it from Tasklist's
// header (tasklist scripts/staff-tasks.js), organisations on 我的申请 (portal/portal.js).

import { request } from './session.js';
import { el, fill, formatTime } from './dom.js';

const STYLE = `
.ms-inbox-list { list-style: none; margin: 0; padding: 0; }
.ms-inbox-item { border-bottom: 1px solid #d5dde5; padding: 8px 0; }
.ms-inbox-head { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.ms-inbox-open { background: none; border: none; padding: 0; color: #1d4f91; text-decoration: underline;
  cursor: pointer; font: inherit; text-align: left; }
.ms-inbox-unread .ms-inbox-open { font-weight: 700; }
.ms-inbox-state { color: #56606b; }
.ms-inbox-unread .ms-inbox-state { color: #8a3a00; font-weight: 700; }
.ms-inbox-body { margin: 6px 0 0; white-space: pre-wrap; }
`;

let styled = false;

function addStyle() {
  if (!styled) {
    styled = true;
    document.head.appendChild(el('style', {}, STYLE));
  }
}

/** The caller's messages, newest first. */
export async function loadInbox() {
  return (await request('GET', '/api/my/inbox')).data;
}

/** How many of the messages are unread. */
export function unreadCount(items) {
  return items.filter((item) => !item.readAt).length;
}

/** "站内消息（2 条未读）", or "站内消息" when all are read. */
export function inboxTitle(items) {
  const unread = unreadCount(items);
  return unread ? `站内消息（${unread} 条未读）` : '站内消息';
}

/**
 * Fills node with the messages. A message's subject is a button (keyboard reachable) that shows its
 * text; opening an unread one marks it read and then calls onRead(items). Where taskLink is given
 * (Tasklist), a message about a task the user can still open links to it: taskLink(taskId) is its address.
 */
export function renderInbox(node, items, onRead = () => {}, taskLink = null) {
  addStyle();
  fill(node, items.length
    ? el('ul', { className: 'ms-inbox-list' }, items.map((item) => message(item, () => onRead(items), taskLink)))
    : el('p', { className: 'ms-inbox-empty' }, '暂无站内消息。'));
}

function message(item, onRead, taskLink) {
  const state = el('span', { className: 'ms-inbox-state' }, item.readAt ? '已读' : '未读');
  const body = el('p', { className: 'ms-inbox-body', id: `ms-inbox-${item.id}`, hidden: true }, item.body);
  const row = el('li', { className: item.readAt ? 'ms-inbox-item' : 'ms-inbox-item ms-inbox-unread', dataset: { id: item.id } });
  const open = el('button', {
    type: 'button', className: 'ms-inbox-open', 'aria-expanded': 'false', 'aria-controls': body.id,
    onClick: async () => {
      body.hidden = !body.hidden;
      open.setAttribute('aria-expanded', String(!body.hidden));
      if (!body.hidden && !item.readAt) {
        try {
          await request('POST', `/api/my/inbox/${encodeURIComponent(item.id)}/read`);
          item.readAt = new Date().toISOString();
          fill(state, '已读');
          row.classList.remove('ms-inbox-unread');
          onRead();
        } catch (error) {
          fill(state, error.message);
        }
      }
    },
  }, item.subject);
  const task = taskLink && item.taskId
    ? el('a', { className: 'ms-inbox-task', href: taskLink(item.taskId), 'aria-label': `办理此任务：${item.subject}` }, '办理此任务')
    : '';
  return fill(row, el('div', { className: 'ms-inbox-head' },
    el('time', { dateTime: item.createdAt }, formatTime(item.createdAt)), open, state, task), body);
}
