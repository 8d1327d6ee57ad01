// What the unit tests of static/common need instead of a browser and a server: the modules under
// test, a recording fetch that answers from a function, and the DOM stub.

import { readFile } from 'node:fs/promises';
import { installDom } from './dom-stub.mjs';

const COMMON = new URL('../../../main/resources/static/common/', import.meta.url);

/** The calls fetch received ({url, method, headers, body}). */
export const calls = [];

let answer = () => new Response(null, { status: 404 });

/**
 * Answers every fetch with {@code handler(url, init)} (a Response or a promise of one); files
 * beside the modules (dictionary.json) are read from disk.
 */
export function answerWith(handler) {
  answer = handler;
}

globalThis.fetch = async (input, init = {}) => {
  const url = String(input);
  if (url.startsWith('file:')) {
    return new Response(await readFile(new URL(url)), { status: 200 });
  }
  calls.push({ url, method: init.method || 'GET', headers: init.headers || {}, body: init.body });
  return answer(url, init);
};

/** A JSON answer. */
export function json(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body),
    { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

installDom();

/** Imports a module of static/common (after fetch and the DOM are in place). */
export function common(name) {
  return import(new URL(name, COMMON).href);
}
