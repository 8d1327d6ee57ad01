// 演示邮箱: the mails the demo profile kept instead of sending (GET /api/mailbox, administrators only).

import { request } from '/common/session.js';
import { el, fill, formatTime } from '/common/dom.js';
import { mountPage } from '/common/page.js';

mountPage({
  section: '演示邮箱',
  login: { hint: '仅演示环境：未配置邮件服务器时，系统发出的邮件保存在这里，只有系统管理员可以查看。' },
  load: async () => (await request('GET', '/api/mailbox')).data,
  render: (mails) => fill(document.getElementById('mail-list').tBodies[0], mails.map((m) => el('tr', {},
    el('td', { className: 'nowrap' }, formatTime(m.sentAt)),
    el('td', {}, m.recipient),
    el('td', {}, m.subject),
    el('td', {}, el('pre', { className: 'mail-body' }, m.body))))),
});
