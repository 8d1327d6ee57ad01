// Read-only views of a decision table in dmn-js's viewer: the active version, or any version of
// the history, with one button per table when the file holds several.

import { el, fill, hide, show } from '/common/dom.js';
import { DmnTables } from './dmn-tables.js';

export class TableViewer extends DmnTables {
  /** @param {HTMLElement} box where the caption, the table buttons and the table go */
  constructor(box) {
    const caption = el('div', { className: 'view-caption', id: 'view-caption', hidden: true });
    const tabs = el('div', { className: 'editor-tabs', id: 'view-tabs', hidden: true });
    // the rule as the rule administrators wrote it (FEEL, codes): their text, not the page's words
    const table = el('div', { className: 'dmn-view', id: 'readable-table', dataset: { userText: '' } });
    fill(box, caption, tabs, table);
    super(table, 'viewer');
    this.caption = caption;
    this.tabs = tabs;
  }

  /**
   * Shows the file's table of decisionKey; {@code note} (with its button) says which version is
   * shown when it is not the active one.
   */
  async show(xml, decisionKey, onError, note = null) {
    await this.load(xml, decisionKey);
    this.renderTabs(this.tabs, onError);
    if (note) {
      fill(this.caption, note);
      show(this.caption);
    } else {
      hide(this.caption);
    }
  }
}
