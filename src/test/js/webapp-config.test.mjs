import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { preloadImports, webappConfig } from '../../main/resources/static/common/webapp-config.js';

test('every webapp is Chinese first with English available, branded, dated the Chinese way', () => {
  const config = webappConfig('管理');
  assert.deepEqual(config.app, { name: '管理', vendor: '朔州市众创空间认定与管理' });
  assert.deepEqual(config.locales, { availableLocales: ['zh', 'en'], fallbackLocale: 'zh' });
  assert.equal(config.dateFormat.normal, 'YYYY年M月D日 HH:mm');
  assert.equal(config.disableWelcomeMessage, true);
  assert.deepEqual(config.customScripts, ['../../../common/webapp-branding']);
});

test("an app's own scripts come after the branding and its own settings are kept", () => {
  const config = webappConfig('驾驶舱', { customScripts: ['scripts/history/plugin'], links: [{ label: '规则管理' }] });
  assert.deepEqual(config.customScripts, ['../../../common/webapp-branding', 'scripts/history/plugin']);
  assert.deepEqual(config.links, [{ label: '规则管理' }]);
  assert.equal(config.app.name, '驾驶舱');
});

// Where the browser's URLs are in the source tree (the webjar overlay and our static files).
const ORIGIN = 'http://server';
const SOURCES = [
  ['/camunda/app/', new URL('../../main/resources/META-INF/resources/webjars/camunda/app/', import.meta.url)],
  ['/common/', new URL('../../main/resources/static/common/', import.meta.url)],
];

function sourceOf(url) {
  const path = new URL(url).pathname;
  const [prefix, dir] = SOURCES.find(([p]) => path.startsWith(p));
  return readFileSync(new URL(path.slice(prefix.length), dir), 'utf8');
}

/** Every URL that the module at {@code url} imports or fetches beside itself, and theirs, recursively. */
function importsOf(url, found = new Set()) {
  const text = sourceOf(url);
  // import … from '…', and the bare import '…' of a module run for its effect
  const specifiers = [...text.matchAll(/^import\s+(?:[^;']*?from\s+)?'([^']+)'/gms)].map((m) => m[1])
    .concat([...text.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)].map((m) => m[1]));
  for (const specifier of specifiers) {
    const next = new URL(specifier, url).href;
    if (!found.has(next)) {
      found.add(next);
      if (next.endsWith('.js')) {
        importsOf(next, found);
      }
    }
  }
  return found;
}

for (const app of ['tasklist', 'cockpit', 'admin']) {
  test(`${app}: everything its custom scripts import is asked for at once`, () => {
    const appUrl = `${ORIGIN}/camunda/app/${app}/`;
    const configUrl = `${appUrl}scripts/config.js`;
    const own = sourceOf(configUrl).match(/customScripts: \[([^\]]*)\]/)[1].match(/'[^']+'/g).map((s) => s.slice(1, -1));
    const roots = ['../../../common/webapp-branding', ...own].map((s) => new URL(`${s}.js`, appUrl).href);
    const expected = new Set(roots.flatMap((root) => [...importsOf(root)]));
    roots.forEach((root) => expected.delete(root));

    const links = [];
    const doc = { createElement: () => ({}), head: { append: (link) => links.push(link) } };
    preloadImports(app, configUrl, doc);

    assert.deepEqual(new Set(links.map((link) => link.href)), expected);
    for (const link of links) {
      const as = { json: 'fetch', css: 'style' }[link.href.split('.').pop()];
      assert.equal(link.rel, as ? 'preload' : 'modulepreload', link.href);
      assert.equal(link.as, as, link.href);
    }
  });
}
