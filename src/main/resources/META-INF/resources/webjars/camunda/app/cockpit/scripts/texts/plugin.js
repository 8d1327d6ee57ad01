// Cockpit's texts that its locale files cannot reach: words written into Camunda's templates instead of
// a translation key, and our own deployments' codes. Each gets a key Camunda already translates
// (locales/zh.json, and English for an English browser) or our dictionary's label; the templates stay
// Camunda's otherwise (docs/audit.md, "Cockpit in Chinese").

import { codeLabel } from '/common/readable.js';

/** A directive's template: [the English Camunda wrote into it, what replaces it]. */
export const DIRECTIVE_TEXTS = {
  // the variables table's column of actions (the administrator's 变量 tab)
  camWidgetVariablesTable: [['<td class="actions"\n        ng-if="editable.length">\n      Actions\n',
    `<td class="actions"\n        ng-if="editable.length">\n      {{ 'BATCHES_PROGRESS_ACTIONS' | translate }}\n`]],
  // a deployment's source on 部署: ours are codes of the rule records (release, rule-admin, rollback)
  camDeployment: [['{{ deployment.source }}', '{{ deployment.source | msDeploymentSource }}']],
};

/** A plugin's template (plugin point, id): the same. */
export const VIEW_TEXTS = {
  'cockpit.processes.dashboard': {
    'process-definition': [['uib-tooltip="Toggle this section"', `uib-tooltip="{{ 'DASHBOARD_TOGGLE_SECTION' | translate }}"`]],
  },
};

/** {@code template} with each English text of {@code texts} replaced; unchanged where Camunda's differs. */
export function translated(template, texts = []) {
  return typeof template !== 'string' ? template
    : texts.reduce((result, [english, replacement]) => result.split(english).join(replacement), template);
}

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
  module.config(['$provide', $provide => {
    for (const [directive, texts] of Object.entries(DIRECTIVE_TEXTS)) {
      $provide.decorator(`${directive}Directive`, ['$delegate', definitions => {
        for (const definition of definitions) {
          definition.template = translated(definition.template, texts);
        }
        return definitions;
      }]);
    }
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
