// Cockpit dashboard notice: the working-day calendar lacks a year that deadlines need (or soon
// will, from November). Reads GET /api/calendar with the Cockpit session; shows nothing otherwise.

import {h} from '../history/dom.js';

const calendarNotice = {
  id: 'calendar-coverage-notice',
  pluginPoint: 'cockpit.dashboard',
  priority: 200,
  async render(node) {
    let coverage = null;
    try {
      const response = await fetch('/api/calendar', {
        credentials: 'same-origin',
        headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}
      });
      coverage = response.ok ? await response.json() : null;
    } catch (e) {
      coverage = null; // the notice is a reminder: no notice rather than an error on the dashboard
    }
    if (coverage && coverage.warning) {
      node.appendChild(h('div', {className: 'alert alert-warning calendar-coverage-notice', role: 'alert'},
        h('strong', null, '工作日历：'), coverage.warning, ' ',
        h('a', {href: '/calendar/'}, '打开工作日历页面')));
    }
  }
};

export default [calendarNotice];
