// The browser DMN table editor: dmn-js's modeler on the decision tables of one decision key.

import { DmnTables } from './dmn-tables.js';

export class TableEditor extends DmnTables {
  /**
   * @param {HTMLElement} container where the editor is drawn
   * @param {(state: {dirty: boolean, canUndo: boolean, canRedo: boolean}) => void} onChange
   */
  constructor(container, onChange) {
    // Commit every keystroke at once (no 300 ms debounce): what "检查" sends is what is shown.
    super(container, 'modeler', { common: { debounceInput: false } });
    this.onChange = onChange || (() => {});
    this.edited = false;
    this.listening = new WeakSet();
    // the rule of the cell last focused: the toolbar's buttons take the focus, so it is kept here
    this.focusedRow = null;
    container.addEventListener('focusin', (event) => {
      const cell = event.target.closest('[data-row-id]');
      if (cell) {
        this.focusedRow = cell.dataset.rowId;
      }
    }, true);
  }

  async load(xml, decisionKey) {
    await super.load(xml, decisionKey);
    this.edited = false;
    this.emit();
  }

  /** Edits of every table of the file are kept when another table is shown. */
  opened(viewer) {
    if (!this.listening.has(viewer)) {
      this.listening.add(viewer);
      viewer.on('commandStack.changed', () => {
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

  /**
   * A change of the table's shape without the mouse (the context menu needs a right click): adds a rule
   * below the rule of the cell last focused (at the end when none was), removes that rule, adds an
   * input or output column. dmn-js's own editor actions, so 撤销 takes them back.
   */
  change(what) {
    if (!this.viewer) {
      return;
    }
    const rule = this.viewer.get('sheet').getRoot().rows.find((row) => row.id === this.focusedRow);
    const actions = this.viewer.get('editorActions');
    if (what === 'addRule') {
      actions.trigger(rule ? 'addRuleBelow' : 'addRule', { rule });
    } else if (what === 'removeRule' && rule) {
      actions.trigger('removeRule', { rule });
      this.focusedRow = null;
    } else if (what === 'addInput' || what === 'addOutput') {
      actions.trigger(what);
    }
  }

  async xml() {
    // A cell being edited commits on input; blurring also closes any open cell popup.
    if (document.activeElement && this.container.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    return super.xml();
  }

  destroy() {
    super.destroy();
    this.edited = false;
    this.listening = new WeakSet();
    this.container.style.height = '';
  }
}
