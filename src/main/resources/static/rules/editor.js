// The browser DMN table editor: dmn-js 10 (global DmnJS from the webjar's
// dmn-modeler.production.min.js), opened on the decision table of one decision key, in Chinese.

import { chineseModule, localise } from './editor-zh.js';

function callback(fn) {
  return new Promise((resolve, reject) => {
    fn((err, result) => (err ? reject(err) : resolve(result)));
  });
}

export class TableEditor {
  /**
   * @param {HTMLElement} container where the editor is drawn
   * @param {(state: {dirty: boolean, canUndo: boolean, canRedo: boolean}) => void} onChange
   */
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange || (() => {});
    this.modeler = null;
    this.viewer = null;
    this.tableId = null;
    this.edited = false;
    this.listening = new WeakSet();
  }

  get open() {
    return this.modeler !== null;
  }

  /** Loads the XML and shows the decision table of decisionKey. */
  async load(xml, decisionKey) {
    if (typeof window.DmnJS !== 'function') {
      throw new Error('DMN 表格编辑器（dmn-js）未能加载，请刷新页面后重试。');
    }
    this.destroy();
    this.modeler = new window.DmnJS({
      container: this.container,
      // Commit every keystroke at once (no 300 ms debounce): what "检查" sends is what is shown.
      common: { debounceInput: false },
      decisionTable: { additionalModules: [chineseModule] },
    });
    this.localiser = localise(this.container);
    try {
      await callback((done) => this.modeler.importXML(xml, { open: false }, done));
    } catch (e) {
      this.destroy();
      throw new Error(`无法读取该 DMN 文件：${e.message || e}`);
    }
    const views = this.modeler.getViews();
    if (!views.some((v) => v.type === 'decisionTable' && v.element.id === decisionKey)) {
      this.destroy();
      throw new Error(`文件中没有决策键为 ${decisionKey} 的决策表。`);
    }
    this.edited = false;
    await this.showTable(decisionKey);
  }

  /** The decision tables of the file ({id, name}); a file may hold a table and the tables it requires. */
  tables() {
    if (!this.modeler) {
      return [];
    }
    return this.modeler.getViews()
      .filter((v) => v.type === 'decisionTable')
      .map((v) => ({ id: v.element.id, name: v.element.name || v.element.id }));
  }

  /** Shows another decision table of the same file; edits of every table are kept. */
  async showTable(id) {
    const view = this.modeler.getViews().find((v) => v.type === 'decisionTable' && v.element.id === id);
    if (!view) {
      throw new Error(`文件中没有决策表 ${id}。`);
    }
    await callback((done) => this.modeler.open(view, done));
    this.tableId = id;
    this.viewer = this.modeler.getActiveViewer();
    if (!this.listening.has(this.viewer)) {
      this.listening.add(this.viewer);
      this.viewer.on('commandStack.changed', () => {
        if (this.viewer && this.viewer.get('commandStack').canUndo()) {
          this.edited = true;
        }
        this.emit();
      });
    }
    this.emit();
  }

  /**
   * Fits the editor's height to the table (between 360 px, room for cell menus, and 560 px; a
   * larger table scrolls inside the editor, with its header and first column kept in view).
   */
  fitHeight() {
    const head = this.container.querySelector('.decision-table-header');
    const table = this.container.querySelector('.tjs-table');
    if (!table) {
      return;
    }
    const wanted = (head ? head.offsetHeight : 0) + table.offsetHeight + 48;
    this.container.style.height = `${Math.min(Math.max(wanted, 360), 560)}px`;
  }

  state() {
    if (!this.viewer) {
      return { dirty: false, canUndo: false, canRedo: false };
    }
    const stack = this.viewer.get('commandStack');
    return { dirty: this.edited || stack.canUndo(), canUndo: stack.canUndo(), canRedo: stack.canRedo() };
  }

  emit() {
    this.fitHeight();
    this.onChange(this.state());
  }

  undo() {
    if (this.viewer) {
      this.viewer.get('commandStack').undo();
    }
  }

  redo() {
    if (this.viewer) {
      this.viewer.get('commandStack').redo();
    }
  }

  /** The edited DMN XML. */
  async xml() {
    if (!this.modeler) {
      throw new Error('编辑器尚未打开。');
    }
    // A cell being edited commits on input; blurring also closes any open cell popup.
    if (document.activeElement && this.container.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    return callback((done) => this.modeler.saveXML({ format: true }, done));
  }

  destroy() {
    if (this.modeler) {
      try {
        this.modeler.destroy();
      } catch {
        // already detached
      }
    }
    if (this.localiser) {
      this.localiser.disconnect();
      this.localiser = null;
    }
    this.modeler = null;
    this.viewer = null;
    this.tableId = null;
    this.edited = false;
    this.listening = new WeakSet();
    this.container.replaceChildren();
    this.container.style.height = '';
  }
}
