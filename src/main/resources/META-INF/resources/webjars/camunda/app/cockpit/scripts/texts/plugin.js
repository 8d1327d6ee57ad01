// Cockpit's texts that its locale files cannot reach: words written into Camunda's templates instead of
// a translation key, and our own deployments' codes. Each gets a key Camunda already translates
// (locales/zh.json, and English for an English browser) or our dictionary's label; the templates stay
// Camunda's otherwise (docs/audit.md, "Cockpit in Chinese").

import { codeLabel } from '/common/readable.js';
import { DIAGRAM_TEXTS, translateDirectives, translated } from '/common/webapp-texts.js';

/** A directive's template: [the English Camunda wrote into it, what replaces it]. */
export const DIRECTIVE_TEXTS = {
  // the variables table's column of actions (the administrator's 变量 tab)
  camWidgetVariablesTable: [['<td class="actions"\n        ng-if="editable.length">\n      Actions\n',
    `<td class="actions"\n        ng-if="editable.length">\n      {{ 'BATCHES_PROGRESS_ACTIONS' | translate }}\n`]],
  // a deployment's source on 部署: ours are codes of the rule records (release, rule-admin, rollback)
  camDeployment: [['{{ deployment.source }}', '{{ deployment.source | msDeploymentSource }}']],
  camWidgetBpmnViewer: DIAGRAM_TEXTS,
  camWidgetDmnViewer: DIAGRAM_TEXTS,
};

/** A plugin's template (plugin point, id): the same. */
export const VIEW_TEXTS = {
  'cockpit.processes.dashboard': {
    'process-definition': [['uib-tooltip="Toggle this section"', `uib-tooltip="{{ 'DASHBOARD_TOGGLE_SECTION' | translate }}"`]],
  },
};

/** A deployment's source as people read it: our codes by the dictionary, any other as it is. */
export function deploymentSource(source) {
  return source ? codeLabel('ruleSource', source) : source;
}

function install(angular = globalThis.angular) {
  if (!angular) {
    return;
  }
  const module = angular.module('cam.cockpit');
  module.filter('msDeploymentSource', () => deploymentSource);
  translateDirectives('cam.cockpit', DIRECTIVE_TEXTS, angular);
  module.config(['$provide', $provide => {
    $provide.decorator('Views', ['$delegate', views => {
      const getProviders = views.getProviders.bind(views);
      views.getProviders = options => getProviders(options).map(provider => {
        const texts = provider && (VIEW_TEXTS[options && options.component] || {})[provider.id];
        if (texts && !provider.msTranslated) {
          // the same object: other decorators (scripts/actions) keep their own copies by it
          provider.template = translated(provider.template, texts);
          provider.msTranslated = true;
        }
        return provider;
      });
      return views;
    }]);
  }]);
}

install();

export default [];
