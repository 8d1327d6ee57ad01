// The login form and the user bar of our own pages (rule administration, working-day calendar):
// the page's elements login-panel, login-form, login-username, login-password, login-submit,
// login-error, app, user-box, user-name, logout-button, loading.

import { login, logout } from './session.js';
import { fill, hide, show, showError } from './dom.js';

const $ = (id) => document.getElementById(id);

let leave = () => {};

/** Shows the login form instead of the page, with a message (e.g. a lost session) or none. */
export function showLogin(message) {
  leave();
  hide($('app'), $('user-box'), $('loading'));
  show($('login-panel'));
  const box = $('login-error');
  if (message) {
    fill(box, message);
    show(box);
  } else {
    hide(box);
  }
  $('login-username').focus();
}

/** Shows the page and who is signed in. */
export function showApp(user) {
  hide($('login-panel'));
  show($('app'));
  if (user && user.userId) {
    $('user-name').textContent = user.userId;
    show($('user-box'));
  }
}

/**
 * Wires the login form and the logout button: after a login the page starts again with
 * {@code start()}; {@code onLeave()} tidies the page whenever it gives way to the login form.
 */
export function bindLogin(start, onLeave = () => {}) {
  leave = onLeave;
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = $('login-submit');
    button.disabled = true;
    hide($('login-error'));
    try {
      await login($('login-username').value.trim(), $('login-password').value);
      $('login-password').value = '';
      await start();
    } catch (e) {
      showError($('login-error'), e);
    } finally {
      button.disabled = false;
    }
  });
  $('logout-button').addEventListener('click', async () => {
    try {
      await logout();
    } finally {
      showLogin();
    }
  });
}
