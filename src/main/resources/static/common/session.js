// The session of our own pages (rule administration, working-day calendar) and their API calls.
//
// Authentication is the Camunda webapp session: the page logs in through the login endpoint of
// the "welcome" app, which sets the session cookie. Every response of the webapps carries the
// session's CSRF token in the X-XSRF-TOKEN header; it is sent back on every POST. Login replaces
// the session, so the token is fetched again afterwards. Refusals are read by errors.js.

import { ApiError, readError } from './errors.js';

const WELCOME_PAGE = '/camunda/app/welcome/default/';
const AUTH = '/camunda/api/admin/auth/user/default';
const TOKEN_HEADER = 'X-XSRF-TOKEN';

let csrfToken = null;

export { ApiError, NotLoggedIn, defaultMessage } from './errors.js';

async function refreshToken() {
  const response = await fetch(WELCOME_PAGE, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'text/html' },
  });
  const token = response.headers.get(TOKEN_HEADER);
  if (token && token !== 'Required') {
    csrfToken = token;
  }
  return csrfToken;
}

/**
 * Makes sure the browser has a webapp session (and its CSRF token) before the first API call, so
 * that an anonymous visitor gets the page's own login form rather than the browser's Basic dialog.
 */
export async function ensureSession() {
  if (!csrfToken) {
    await refreshToken();
  }
}

/** The logged-in user of the webapp session ({userId, authorizedApps}), or null. */
export async function currentUser() {
  const response = await fetch(AUTH, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * Camunda's CsrfPreventionFilter sends the token only when it creates it, and its logout keeps
 * the session (and so the token). A page that does not know the token (after a reload) therefore
 * gets a CSRF refusal, which also ends that session: the next GET creates a new token, so one
 * retry logs in.
 */
export async function login(username, password, retried = false) {
  await refreshToken();
  const response = await fetch(`${AUTH}/login/welcome`, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
      Accept: 'application/json',
      [TOKEN_HEADER]: csrfToken || '',
    },
    body: new URLSearchParams({ username, password }).toString(),
  });
  if (response.status === 401) {
    throw new ApiError(401, '用户名或密码不正确。连续输错后需等待一段时间才能再试。');
  }
  if (response.status === 429) {
    // The login throttle's own message names the seconds to wait (Retry-After).
    const data = await response.json().catch(() => ({ message: '登录失败次数过多，请稍后再试。' }));
    throw readError(429, data);
  }
  if (response.status === 403 && response.headers.get(TOKEN_HEADER) === 'Required' && !retried) {
    csrfToken = null;
    return login(username, password, true);
  }
  if (response.status === 403) {
    throw new ApiError(403, '该账号无权登录。');
  }
  if (!response.ok) {
    throw new ApiError(response.status, `登录失败（HTTP ${response.status}），请稍后再试。`);
  }
  await refreshToken();
  return response.json().catch(() => ({ userId: username }));
}

export async function logout() {
  if (!csrfToken) {
    await refreshToken();
  }
  await fetch(`${AUTH}/logout`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', [TOKEN_HEADER]: csrfToken || '' },
  });
  // Camunda's logout only removes the login: the session and its token stay valid (and the token
  // is not sent again), so the page keeps it for the next login.
}

/**
 * Calls our API with the session's cookie and CSRF token: {@code json} or {@code xml} is the body;
 * {@code as: 'text'} returns the answer's text (e.g. a DMN file) instead of its JSON. Resolves to
 * {status, data}; a refusal is thrown as read by errors.js (NotLoggedIn for 401).
 */
export async function request(method, path, { json, xml, form, as = 'json' } = {}, retried = false) {
  const headers = {
    Accept: as === 'text' ? 'application/xml, text/xml, */*' : 'application/json',
    // Marks the call as the page's own: no browser login prompt is wanted on 401.
    'X-Requested-With': 'XMLHttpRequest',
  };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json;charset=UTF-8';
    body = JSON.stringify(json);
  } else if (xml !== undefined) {
    headers['Content-Type'] = 'application/xml;charset=UTF-8';
    body = xml;
  } else if (form !== undefined) {
    body = form;
  }
  if (method !== 'GET') {
    if (!csrfToken) {
      await refreshToken();
    }
    headers[TOKEN_HEADER] = csrfToken || '';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
  }
  const text = await response.text();
  const data = parseJson(text);
  const headerToken = response.headers.get(TOKEN_HEADER);
  const csrfRefused = response.status === 403
    && (headerToken === 'Required' || (data && data.type === '/problems/csrf-token-invalid'));
  if (headerToken && headerToken !== 'Required') {
    // Session-authenticated answers carry the session's current token.
    csrfToken = headerToken;
  }
  if (csrfRefused && !retried) {
    // The session's token changed (e.g. a new session after login): take the current one, retry once.
    if (!headerToken || headerToken === 'Required') {
      await refreshToken();
    }
    return request(method, path, { json, xml, form, as }, true);
  }
  if (!response.ok) {
    throw readError(response.status, data);
  }
  return { status: response.status, data: as === 'text' ? text : data };
}

function parseJson(text) {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
