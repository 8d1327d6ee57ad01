// Cockpit offers its 挂起 and 激活 buttons (the suspension actions of a process definition, a process
// instance and a job definition) to every user and asks nobody whether they may use them; the engine
// API then refuses everyone but the system administrator (an auditor: 403 with a Chinese reason). This
// script shows each of those buttons only to whom GET /api/cockpit/access says may use it, and none of
// them until it has answered (docs/security.md, "Cockpit's changing actions").

/** Plugin point → [the id of Cockpit's suspension action there, the right of /api/cockpit/access it needs]. */
export const GUARDED = {
  'cockpit.processDefinition.runtime.action': ['update-suspension-state-action', 'changesCaseData'],
  'cockpit.processInstance.runtime.action': ['update-suspension-state-action', 'changesCaseData'],
  'cockpit.jobDefinition.action': ['update-suspension-state', 'controlsProcesses'],
};

/** The scope property (on Angular's root scope) that holds the answer of /api/cockpit/access. */
const ACCESS = 'msCockpitAccess';

/**
 * {@code provider} as Cockpit should render it at {@code component}: a guarded action's template inside
 * an element that Angular keeps only while the user holds the action's right; any other unchanged.
 */
export function guardedProvider(component, provider) {
  const [id, right] = GUARDED[component] || [];
  if (!provider || provider.id !== id || typeof provider.template !== 'string') {
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
      $rootScope[ACCESS] = {};
      fetch('/api/cockpit/access', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(response => (response.ok ? response.json() : {}))
        .catch(() => ({}))
        .then(access => {
          if (question === asked) {
            $rootScope.$applyAsync(() => {
              $rootScope[ACCESS] = access;
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
