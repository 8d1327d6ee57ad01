// The BPMN diagram of a historic instance, drawn with the bpmn-js viewer that Cockpit already
// bundles (its AngularJS directive cam-widget-bpmn-viewer), with the path actually taken
// highlighted and the number of activity instances on every element.

import {h} from './dom.js';

function injector() {
  const angular = window.angular;
  if (!angular) {
    return null;
  }
  return angular.element(document.documentElement).injector() || angular.element(document.body).injector();
}

/**
 * Our routes are registered without reloadOnSearch:false; the viewer writes the viewbox into the
 * URL's search part while the user pans, which would otherwise reload the whole page.
 */
export function keepRouteOnSearchChange(path) {
  const $injector = injector();
  if (!$injector || !$injector.has('$route')) {
    return;
  }
  const routes = $injector.get('$route').routes;
  for (const key of [path, path + '/']) {
    if (routes[key]) {
      routes[key].reloadOnSearch = false;
    }
  }
}

/** Which sequence flows were taken: source and target both ran, the target after the source started. */
function takenFlows(viewer, firstStart) {
  const registry = viewer.get('elementRegistry');
  return registry.filter(element => element.type === 'bpmn:SequenceFlow').filter(flow => {
    const source = flow.businessObject.sourceRef && flow.businessObject.sourceRef.id;
    const target = flow.businessObject.targetRef && flow.businessObject.targetRef.id;
    return firstStart.has(source) && firstStart.has(target) && firstStart.get(target) >= firstStart.get(source);
  });
}

/**
 * Draws the diagram into container. activities: historic activity instances of the instance.
 * onSelect(activityId|null) is called when the user clicks an element.
 * Returns a function that destroys the viewer.
 */
export function renderDiagram(container, scope, xml, activities, onSelect) {
  const $injector = injector();
  if (!$injector || !scope || !$injector.has('$compile')) {
    container.appendChild(h('div', {className: 'alert alert-warning'}, '无法加载流程图查看器。'));
    return () => {};
  }
  const angular = window.angular;
  const child = scope.$new(true);
  child.control = {};
  child.diagramXml = null;

  const counts = new Map();
  const running = new Map();
  const firstStart = new Map();
  for (const activity of activities) {
    const id = activity.activityId.replace(/#multiInstanceBody$/, '');
    if (activity.activityType === 'multiInstanceBody') {
      continue;
    }
    counts.set(id, (counts.get(id) || 0) + 1);
    if (!activity.endTime) {
      running.set(id, (running.get(id) || 0) + 1);
    }
    const start = activity.startTime || '';
    if (!firstStart.has(id) || start < firstStart.get(id)) {
      firstStart.set(id, start);
    }
  }

  child.loaded = () => {
    const viewer = child.control.getViewer();
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    for (const [id, count] of counts) {
      if (!registry.get(id)) {
        continue;
      }
      canvas.addMarker(id, 'audit-visited');
      const active = running.get(id) || 0;
      overlays.add(id, 'audit-count', {
        position: {bottom: 4, right: 4},
        show: {minZoom: -Infinity, maxZoom: Infinity},
        html: h('span', {
          className: active ? 'audit-count-badge audit-count-running' : 'audit-count-badge',
          title: active ? `执行 ${count} 次，其中 ${active} 次仍在进行` : `执行 ${count} 次`
        }, String(count))
      });
    }
    for (const flow of takenFlows(viewer, firstStart)) {
      canvas.addMarker(flow.id, 'audit-visited');
    }
  };
  child.clicked = element => {
    if (!element || element.type === 'bpmn:Process' || element.type === 'bpmn:SequenceFlow') {
      onSelect(null);
      return;
    }
    onSelect(counts.has(element.id) ? element.id : null);
  };

  const holder = angular.element(
    '<div cam-widget-bpmn-viewer class="audit-diagram-viewer" diagram-data="diagramXml" control="control"'
      + ' on-load="loaded()" on-click="clicked(element)"></div>');
  container.appendChild(holder[0]);
  $injector.get('$compile')(holder)(child);
  child.$applyAsync(() => {
    child.diagramXml = xml;
  });
  return () => child.$destroy();
}
