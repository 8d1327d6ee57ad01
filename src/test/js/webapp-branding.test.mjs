import { test } from 'node:test';
import assert from 'node:assert/strict';
import { common } from './support/env.mjs';
import { installDom } from './support/dom-stub.mjs';

// The module brands the page when loaded: a page, an observer and Camunda's Angular to configure.
const page = installDom();
// no login view nor footer here (the stub reads no :not() selector): the branding of those is the browser tests'
page.querySelector = () => null;
page.querySelectorAll = () => [];
page.documentElement = { lang: 'en' }; // Camunda's index.html: <html lang="en">
globalThis.MutationObserver = class { observe() {} };
const configured = {}; // Angular module name -> its config blocks
const running = {}; // Angular module name -> its run blocks
globalThis.angular = {
  module: (name) => ({
    config: (block) => { (configured[name] ||= []).push(block); },
    run: (block) => { (running[name] ||= []).push(block); },
  }),
};
const { FOOTER_TIMEZONE, FOOTER_TIMEZONE_ENGLISH, pageLanguage } = await common('webapp-branding.js');

/** Camunda's translate filter as the module's config decorates it, on a page in {@code language}. */
function decoratedFilter(language, proposed) {
  let decorator;
  for (const block of configured['pascalprecht.translate'] || []) {
    block.at(-1)({ decorator: (name, injected) => { if (name === 'translateFilter') decorator = injected; } });
  }
  assert.ok(decorator, 'the translate filter is decorated');
  const original = (id) => `译:${id}`;
  original.$stateful = true;
  return decorator.at(-1)(original, { use: () => language, proposedLanguage: () => proposed });
}

test("the footer says Beijing time in English, never Camunda's local time zone", () => {
  const english = decoratedFilter('en');
  assert.equal(english(FOOTER_TIMEZONE), FOOTER_TIMEZONE_ENGLISH);
  assert.match(FOOTER_TIMEZONE_ENGLISH, /Beijing time/);
  assert.equal(english('CAM_WIDGET_FOOTER_POWERED_BY'), '译:CAM_WIDGET_FOOTER_POWERED_BY', 'other keys as before');
  assert.equal(english.$stateful, true, 'it follows a change of language');
});

test('in Chinese the footer keeps our translation (locales/zh.json), also while it loads', () => {
  assert.equal(decoratedFilter('zh')(FOOTER_TIMEZONE), `译:${FOOTER_TIMEZONE}`);
  assert.equal(decoratedFilter(undefined, 'zh')(FOOTER_TIMEZONE), `译:${FOOTER_TIMEZONE}`);
  assert.equal(decoratedFilter(undefined, 'en')(FOOTER_TIMEZONE), FOOTER_TIMEZONE_ENGLISH);
});

test('the page says zh-CN from the start, then the language the app speaks', () => {
  assert.equal(page.documentElement.lang, 'zh-CN');
  assert.equal(pageLanguage('zh'), 'zh-CN');
  assert.equal(pageLanguage(undefined), 'zh-CN');
  assert.equal(pageLanguage('en'), 'en');
  const listeners = {};
  const rootScope = { $on: (name, listener) => { listeners[name] = listener; } };
  let language = 'en';
  for (const block of running['pascalprecht.translate'] || []) {
    block.at(-1)(rootScope, { use: () => language, proposedLanguage: () => undefined });
  }
  assert.equal(page.documentElement.lang, 'en', 'a browser asking for English gets English');
  language = 'zh';
  listeners.$translateChangeSuccess();
  assert.equal(page.documentElement.lang, 'zh-CN');
});
