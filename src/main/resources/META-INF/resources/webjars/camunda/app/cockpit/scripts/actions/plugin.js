// Cockpit offers its changing actions (挂起 and 激活, 删除 an instance, 添加变量 and editing a variable,
// 作业重试 and the incidents' retries, 覆盖作业优先级, deleting a deployment) to every user and asks nobody
// whether they may use them; the engine API then refuses everyone but the system administrator (an
// auditor: 403 with a Chinese reason). This script shows each of them only to whom GET
// /api/cockpit/access says may use it, and none of them until it has answered (docs/security.md,
// "Cockpit's changing actions").

/** Plugin point → {the id of Cockpit's action there: the right of /api/cockpit/access it needs}. */
export const GUARDED = {
  'cockpit.processDefinition.runtime.action': {
    'update-suspension-state-action': 'changesCaseData',
    'bulk-job-definition-override-job-priority-action': 'controlsProcesses',
  },
  'cockpit.processInstance.runtime.action': {
    'update-suspension-state-action': 'changesCaseData',
    'add-variable-action': 'changesCaseData',
    'cancel-process-instance-action': 'administersEngine',
    'job-retry-action': 'controlsProcesses',
  },
  'cockpit.jobDefinition.action': {
    'update-suspension-state': 'controlsProcesses',
    'job-definition-override-job-priority-action': 'controlsProcesses',
  },
  'cockpit.incident.action': {
    'increase-incident-job-retry': 'controlsProcesses',
    'increase-incident-external-task-retry': 'controlsProcesses',
  },
  'cockpit.repository.deployment.action': {
    'delete-deployment': 'administersEngine',
  },
};

/** The scope property (on Angular's root scope) that holds the answer of /api/cockpit/access. */
const ACCESS = 'msCockpitAccess';

/** The variables tab's table: which of its columns may be edited (Cockpit's own value), and by whom. */
const VARIABLES_TAB = 'variables-tab';
const EDITABLE_VARIABLES = `cam-editable="['type', 'value']"`;

/** The answer of /api/cockpit/access as the templates read it: no right until it says so. */
export function accessOf(answer) {
  const access = {...answer};
  // one array per answer: Cockpit's variables table binds it by reference
  access.editableVariables = access.changesCaseData ? ['type', 'value'] : [];
  return access;
}

/**
 * {@code provider} as Cockpit should render it at {@code component}: a guarded action's template inside
 * an element that Angular keeps only while the user holds the action's right; the variables tab with
 * its editing only for those who may change case data; any other unchanged.
 */
export function guardedProvider(component, provider) {
  if (!provider || typeof provider.template !== 'string') {
    return provider;
  }
  if (component === 'cockpit.processInstance.runtime.tab' && provider.id === VARIABLES_TAB) {
    return {...provider, template: provider.template.replace(EDITABLE_VARIABLES,
      `cam-editable="$root.${ACCESS}.editableVariables"`)};
  }
  const right = (GUARDED[component] || {})[provider.id];
  if (!right) {
    return provider;
  }
  return {...provider, template: `<span ng-if="$root.${ACCESS}.${right}">${provider.template}</span>`};
}

function install(angular = globalThis.angular) {
  if (!angular) {
    return;
  }
  const module = angular.module('cam.cockpit');
  module.config(['$provide', $provide => $provide.decorator('Views', ['$delegate', views => {
    const wrapped = new WeakMap();
    const getProviders = views.getProviders.bind(views);
    views.getProviders = options => getProviders(options).map(provider => {
      if (!wrapped.has(provider)) {
        wrapped.set(provider, guardedProvider(options && options.component, provider));
      }
      return wrapped.get(provider);
    });
    return views;
  }])]);
  module.run(['$rootScope', $rootScope => {
    let asked = 0;
    const ask = () => {
      const question = ++asked;
      $rootScope[ACCESS] = accessOf({});
      fetch('/api/cockpit/access', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(response => (response.ok ? response.json() : {}))
        .catch(() => ({}))
        .then(access => {
          if (question === asked) {
            $rootScope.$applyAsync(() => {
              $rootScope[ACCESS] = accessOf(access);
            });
          }
        });
    };
    // signing in or out (or as someone else) in the open Cockpit asks again
    $rootScope.$on('authentication.changed', ask);
    ask();
  }]);
}

install();

export default [];
