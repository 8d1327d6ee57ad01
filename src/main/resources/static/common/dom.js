// Small DOM helpers of our own pages and of the Cockpit plugins: build elements from text (never
// from HTML), show, hide, show an API error, format a time.

import { dateTime } from './readable.js';

/** "2026年11月5日 14:03" (Beijing time) from an ISO timestamp or epoch millis; '—' for none. */
export function formatTime(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  return dateTime(value);
}

/**
 * Creates an element: el('td', {className: 'x', dataset: {key: 'k'}, style: {display: 'none'}},
 * 'text', child, [more], ...); text is always inserted as text.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'className') {
      node.className = value;
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(node.style, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name in node && typeof value !== 'string') {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  appendAll(node, children);
  return node;
}

/**
 * A file's SHA-256 checksum as our pages show it (校验码): its first 12 characters, the whole value
 * on hover and for screen readers (its title).
 */
export function checksum(sha256) {
  return el('code', { className: 'checksum', title: sha256 }, `${sha256.slice(0, 12)}…`);
}

/** Appends children (text, nodes, lists of them) to node. */
export function append(node, ...children) {
  appendAll(node, children);
  return node;
}

function appendAll(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      appendAll(node, child);
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of node. */
export function fill(node, ...children) {
  node.replaceChildren();
  appendAll(node, children);
  return node;
}

/** Shows an API error (its Chinese message and per-item errors) in a message box. */
export function showError(box, error) {
  if (!box.classList.contains('message')) {
    // A plain container: put a red message box into it.
    const inner = el('div', { className: 'message error', role: 'alert' });
    fill(box, inner);
    box.hidden = false;
    showError(inner, error);
    return;
  }
  const items = (error && error.errors) || [];
  fill(box,
    el('div', {}, (error && error.message) || '操作失败。'),
    items.length ? el('ul', {}, items.map((item) => el('li', {},
      typeof item === 'string' ? item : [
        item.code ? el('code', {}, item.code) : null,
        item.code ? '：' : null,
        item.field && !item.code ? `${item.field}：` : null,
        item.message || JSON.stringify(item),
      ]))) : null);
  box.hidden = false;
}

export function hide(...nodes) {
  nodes.forEach((n) => { n.hidden = true; });
}

export function show(...nodes) {
  nodes.forEach((n) => { n.hidden = false; });
}

/**
 * Runs {@code action} with {@code button} disabled: a double click, or Enter while the answer is on
 * its way, sends nothing more (one request per press). Answers the action's result, or nothing when
 * the button was busy.
 */
export async function whileBusy(button, action) {
  if (button.disabled) {
    return undefined;
  }
  button.disabled = true;
  try {
    return await action();
  } finally {
    button.disabled = false;
  }
}

/**
 * Moves the keyboard focus to what took the place of the control that had it (a confirmation after
 * the form was sent): left alone, focus falls to the page's body and a keyboard or screen reader
 * user starts again from the top.
 */
export function focusOn(node) {
  if (!node.hasAttribute('tabindex')) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus();
}
