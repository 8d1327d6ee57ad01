import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webappConfig } from '../../main/resources/static/common/webapp-config.js';

test('every webapp is Chinese first with English available, branded, dated the Chinese way', () => {
  const config = webappConfig('管理');
  assert.deepEqual(config.app, { name: '管理', vendor: '朔州市众创空间认定与管理' });
  assert.deepEqual(config.locales, { availableLocales: ['zh', 'en'], fallbackLocale: 'zh' });
  assert.equal(config.dateFormat.normal, 'YYYY年M月D日 HH:mm');
  assert.deepEqual(config.customScripts, ['../../../common/webapp-branding']);
});

test("an app's own scripts come after the branding and its own settings are kept", () => {
  const config = webappConfig('驾驶舱', { customScripts: ['scripts/history/plugin'], links: [{ label: '规则管理' }] });
  assert.deepEqual(config.customScripts, ['../../../common/webapp-branding', 'scripts/history/plugin']);
  assert.deepEqual(config.links, [{ label: '规则管理' }]);
  assert.equal(config.app.name, '驾驶舱');
});
