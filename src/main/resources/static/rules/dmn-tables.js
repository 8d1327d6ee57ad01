// The decision tables of one DMN file in dmn-js 10 (the webjar's bundles, served locally), in
// Chinese: the base of the read-only viewer (viewer.js) and of the editor (editor.js).

import { el, fill, hide, show } from '/common/dom.js';
import { chineseModule, localise } from '/common/dmn-zh.js';

const DIST = '/webjars/dmn-js/10.0.0/dist/';
const builds = {};
let loading = Promise.resolve();

/**
 * The DmnJS class of one bundle ('viewer' or 'modeler'). Both bundles set the global DmnJS, so
 * they are loaded one after the other and each is kept as soon as it has run.
 */
function dmnJs(build) {
  if (!builds[build]) {
    builds[build] = loading = loading.catch(() => {}).then(() => new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${DIST}dmn-${build}.production.min.js`;
      script.onload = () => resolve(window.DmnJS);
      script.onerror = () => {
        delete builds[build];
        reject(new Error('DMN 表格组件（dmn-js）未能加载，请刷新页面后重试。'));
      };
      document.head.append(script);
    }));
  }
  return builds[build];
}

function callback(fn) {
  return new Promise((resolve, reject) => {
    fn((err, result) => (err ? reject(err) : resolve(result)));
  });
}

export class DmnTables {
  /**
   * @param {HTMLElement} container where the table is drawn
   * @param {'viewer'|'modeler'} build which dmn-js bundle draws it
   * @param {object} options more dmn-js options
   */
  constructor(container, build, options = {}) {
    this.container = container;
    this.build = build;
    this.options = options;
    this.dmn = null;
    this.viewer = null;
    this.tableId = null;
    this.localiser = null;
  }

  get open() {
    return this.dmn !== null;
  }

  /** Loads the XML and shows the decision table of decisionKey. */
  async load(xml, decisionKey) {
    const DmnJS = await dmnJs(this.build);
    this.destroy();
    this.dmn = new DmnJS({
      ...this.options,
      container: this.container,
      decisionTable: { additionalModules: [chineseModule] },
    });
    this.localiser = localise(this.container);
    try {
      await callback((done) => this.dmn.importXML(xml, { open: false }, done));
    } catch (e) {
      this.destroy();
      throw new Error(`无法读取该 DMN 文件：${e.message || e}`);
    }
    if (!this.tables().some((t) => t.id === decisionKey)) {
      this.destroy();
      throw new Error(`文件中没有决策键为 ${decisionKey} 的决策表。`);
    }
    await this.showTable(decisionKey);
  }

  /** The decision tables of the file ({id, name}); a file may hold a table and the tables it requires. */
  tables() {
    if (!this.dmn) {
      return [];
    }
    return this.dmn.getViews()
      .filter((v) => v.type === 'decisionTable')
      .map((v) => ({ id: v.element.id, name: v.element.name || v.element.id }));
  }

  /** Shows another decision table of the same file. */
  async showTable(id) {
    const view = this.dmn.getViews().find((v) => v.type === 'decisionTable' && v.element.id === id);
    if (!view) {
      throw new Error(`文件中没有决策表 ${id}。`);
    }
    await callback((done) => this.dmn.open(view, done));
    this.tableId = id;
    this.viewer = this.dmn.getActiveViewer();
    // the wide table scrolls: keyboard users must reach it too (axe-core scrollable-region-focusable)
    for (const scroller of this.container.querySelectorAll('.tjs-table-container')) {
      Object.assign(scroller, { tabIndex: 0 });
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', '决策表');
    }
    this.opened(this.viewer);
  }

  /** Called whenever a table is shown; the editor listens to its changes. */
  opened() {}

  /** Buttons, one per decision table of the file when it holds more than one (e.g. annual-assessment). */
  renderTabs(box, onError) {
    const tables = this.tables();
    if (tables.length < 2) {
      fill(box);
      hide(box);
      return;
    }
    fill(box, tables.map((t) => el('button', {
      type: 'button',
      className: `small${t.id === this.tableId ? ' pressed' : ''}`,
      'aria-pressed': String(t.id === this.tableId),
      dataset: { table: t.id },
      onClick: async () => {
        try {
          await this.showTable(t.id);
          this.renderTabs(box, onError);
        } catch (e) {
          onError(e);
        }
      },
    }, `${t.name}（${t.id}）`)));
    show(box);
  }

  /** The (edited) DMN XML. */
  async xml() {
    if (!this.dmn) {
      throw new Error('编辑器尚未打开。');
    }
    return callback((done) => this.dmn.saveXML({ format: true }, done));
  }

  destroy() {
    if (this.dmn) {
      try {
        this.dmn.destroy();
      } catch {
        // already detached
      }
    }
    if (this.localiser) {
      this.localiser.disconnect();
      this.localiser = null;
    }
    this.dmn = null;
    this.viewer = null;
    this.tableId = null;
    this.container.replaceChildren();
  }
}
