// Cockpit history plugin for auditors (Camunda 7 Community Edition plugin API, plain ES modules).
// Loaded through customScripts in ../config.js. Every call it makes only reads.
//
// Plugin points:
//   cockpit.processDefinition.runtime.tab    历史 tab: finished and running instances, filtered, paged
//   cockpit.route                            #/process-instance/{id}/history: the historic instance page
//   cockpit.processInstance.view (history)   makes Cockpit send finished instances to that page instead of
//                                            the definition, and offers 历史 next to 运行时 in the breadcrumb
//   cockpit.route                            #/process-definition/{id}/history: on to the definition's 历史 tab
//   cockpit.processInstance.runtime.action   历史 button on a running instance
//   cockpit.dashboard                        search by application or certificate number
//   cockpit.navigation + cockpit.route       历史查询 in the header: the same search on its own page
//
// And Camunda's own decision instance page and variable tables in Chinese (decision-page.js).

import {definitionTabPlugin} from './definition-tab.js';
import {definitionHistoryLink, historyLink, instancePagePlugin} from './instance-page.js';
import {renderSearch} from './search.js';
import {h} from './dom.js';
import {keepRouteOnSearchChange} from './diagram.js';
import './decision-page.js';

const STYLESHEET_ID = 'audit-history-styles';

function ensureStylesheet() {
  if (!document.getElementById(STYLESHEET_ID)) {
    document.head.appendChild(h('link', {
      id: STYLESHEET_ID, rel: 'stylesheet', type: 'text/css',
      href: new URL('history.css', import.meta.url).href
    }));
  }
}

ensureStylesheet();

/**
 * Cockpit formats the engine's dates with its filter camDate, whose formats its own start-up fixes
 * (normal: 2026-12-07T05:34:26, e.g. the column 开始时间 of the definition's 流程实例 tab) and never
 * reads from config.js's dateFormat, which Tasklist honours. Custom scripts are loaded before Angular
 * starts, so this config block runs after Cockpit's and gives camDate config.js's formats:
 * 2026年12月7日 05:34 as everywhere else.
 */
function applyConfiguredDateFormats() {
  const angular = window.angular;
  const formats = (window.camCockpitConf || {}).dateFormat;
  if (!angular || !formats) {
    return;
  }
  angular.module('cam.cockpit').config(['camDateFormatProvider', provider => {
    for (const [name, format] of Object.entries(formats)) {
      provider.setDateFormat(format, name);
    }
  }]);
}

applyConfiguredDateFormats();

const historyView = {
  id: 'history',
  pluginPoint: 'cockpit.processInstance.view',
  priority: 10,
  label: '历史',
  properties: {label: '历史', keepSearchParams: ['viewbox']},
  render() {
    // Only its presence matters (redirect and breadcrumb); the page itself is the route below.
  }
};

/**
 * Camunda's process list adds a column 历史视图 linking to #/process-definition/{id}/history as soon as
 * a processInstance.view has the id 'history' (ours, above). That is the Enterprise Edition's page,
 * unknown to this Cockpit, which sent the auditor to the dashboard instead: this route passes the link
 * on to the definition's 历史 tab, replacing the history entry so that 返回 does not come back here.
 */
const definitionHistoryRoute = {
  id: 'audit-definition-history',
  pluginPoint: 'cockpit.route',
  priority: 0,
  properties: {path: '/process-definition/:id/history'},
  render() {
    const match = (window.location.hash || '').match(/^#\/process-definition\/([^/?]+)\/history/);
    if (match) {
      window.location.replace(definitionHistoryLink(decodeURIComponent(match[1])));
    }
  }
};

const runtimeAction = {
  id: 'audit-history-action',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 5,
  render(node, {processInstanceId}) {
    node.appendChild(h('a', {
      href: historyLink(processInstanceId), className: 'btn btn-default action-button audit-history-action',
      title: '查看该流程实例的完整历史（时间线、变量、决策、操作日志）'
    }, h('span', {className: 'glyphicon glyphicon-time'}), ' 历史'));
  }
};

const dashboardSearch = {
  id: 'audit-dashboard-search',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  label: '按编号查找历史',
  render(node, {api}) {
    node.appendChild(h('section', {className: 'audit-dashboard'},
      h('h3', {className: 'section-title'}, '按编号查找认定与年度管理历史')));
    renderSearch(node.firstChild, api);
  }
};

const SEARCH_PATH = '/audit-search';

const searchNavigation = {
  id: 'audit-search',
  pluginPoint: 'cockpit.navigation',
  priority: 50,
  label: '历史查询',
  properties: {path: SEARCH_PATH},
  render(node) {
    node.appendChild(h('a', {href: `#${SEARCH_PATH}`}, '历史查询'));
  }
};

const searchPage = {
  id: 'audit-search-page',
  pluginPoint: 'cockpit.route',
  priority: 0,
  properties: {path: SEARCH_PATH, label: '历史查询'},
  render(node, {api}) {
    // a diagram left behind may still write its viewbox into the URL: that must not re-render the
    // page and wipe what the auditor is typing
    keepRouteOnSearchChange(SEARCH_PATH);
    document.title = '历史查询 | 驾驶舱';
    const page = h('div', {className: 'audit-page audit-search-page'},
      h('h2', {className: 'audit-title'}, '历史查询 ',
        h('small', null, '按申请编号或证书编号查找众创空间认定与年度管理流程')));
    node.appendChild(page);
    renderSearch(page, api, {autofocus: true});
  }
};

export default [
  definitionTabPlugin, instancePagePlugin, historyView, definitionHistoryRoute, runtimeAction, dashboardSearch,
  searchNavigation, searchPage
];
