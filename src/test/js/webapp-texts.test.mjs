import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIAGRAM_TEXTS, translateDirectives, translated } from '../../main/resources/static/common/webapp-texts.js';

const ZOOM = '<button class="btn in" title="zoom in"></button><button title="zoom out"></button>'
  + '<button title="reset zoom"></button>';

test('the diagram widgets\' zoom titles are replaced, every occurrence, and nothing else', () => {
  assert.equal(translated(ZOOM + ZOOM, DIAGRAM_TEXTS), ('<button class="btn in" title="放大"></button>'
    + '<button title="缩小"></button><button title="恢复原始大小"></button>').repeat(2));
  assert.equal(translated('<div title="zoom"></div>', DIAGRAM_TEXTS), '<div title="zoom"></div>');
  assert.equal(translated(undefined, DIAGRAM_TEXTS), undefined, 'a directive with a template URL is left alone');
});

test('each directive named gets a decorator on the app module that rewrites its templates', () => {
  const decorators = {};
  const angular = { module: (name) => ({ config: ([, configure]) => {
    assert.equal(name, 'cam.tasklist');
    configure({ decorator: (provider, [, decorate]) => { decorators[provider] = decorate; } });
  } }) };
  translateDirectives('cam.tasklist', { camWidgetBpmnViewer: DIAGRAM_TEXTS }, angular);
  assert.deepEqual(Object.keys(decorators), ['camWidgetBpmnViewerDirective']);
  const [definition] = decorators.camWidgetBpmnViewerDirective([{ template: ZOOM }]);
  assert.doesNotMatch(definition.template, /zoom/);
});
