// 演示邮箱: the mails the demo profile kept instead of sending (GET /api/mailbox, administrators only).

import { ApiError, NotLoggedIn, currentUser, ensureSession, request } from '/common/session.js';
import { el, fill, formatTime, hide, showError } from '/common/dom.js';
import { bindLogin, showApp, showLogin } from '/common/login.js';

const $ = (id) => document.getElementById(id);

async function start() {
  try {
    await ensureSession();
    const mails = (await request('GET', '/api/mailbox')).data;
    showApp(await currentUser());
    fill($('mail-list').tBodies[0], mails.map((m) => el('tr', {},
      el('td', { className: 'nowrap' }, formatTime(m.sentAt)),
      el('td', {}, m.recipient),
      el('td', {}, m.subject),
      el('td', {}, el('pre', { className: 'mail-body' }, m.body)))));
  } catch (e) {
    if (e instanceof NotLoggedIn) {
      showLogin(null);
    } else {
      showApp(await currentUser().catch(() => null));
      showError($('global-message'), e instanceof Error ? e : new ApiError(0, String(e)));
    }
  } finally {
    hide($('loading'));
  }
}

bindLogin(start, () => {});
start();
