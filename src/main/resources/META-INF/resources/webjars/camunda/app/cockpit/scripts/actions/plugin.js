// Cockpit offers its changing actions (挂起 and 激活, 删除 an instance, 添加变量 and editing a variable,
// 作业重试 and the incidents' retries, 覆盖作业优先级, deleting a deployment) to every user and asks nobody
// whether they may use them; the engine API then refuses everyone but the system administrator (an
// auditor: 403 with a Chinese reason). This script shows each of them only to whom GET
// /api/cockpit/access says may use it, and none of them until it has answered (docs/security.md,
// "Cockpit's changing actions"). The same holds for the header menu's 批处理 (the batches page, whose
// controls suspend, activate, delete and retry batches): its entry shows only to the administrator, and the
// page, opened by its address, says so in Chinese instead of offering controls that would be refused.

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
  // the header menu's entry (under 更多) of the batches page
  'cockpit.navigation': {
    batch: 'administersEngine',
  },
};

/** The batches page's route, and the right its controls need (all of them: engine API, administrator only). */
export const BATCH_ROUTE = '/batch';
const BATCH_RIGHT = 'administersEngine';
export const BATCH_REFUSED = '批处理页面仅供系统管理员使用：只有系统管理员可以执行批量操作（挂起、激活、删除批处理，重试其失败的作业）。';

/** The scope property (on Angular's root scope) that holds the answer of /api/cockpit/access. */
const ACCESS = 'msCockpitAccess';

/** The variables tab's table: which of its columns may be edited (Cockpit's own value), and by whom. */
const VARIABLES_TAB = 'variables-tab';
const EDITABLE_VARIABLES = `cam-editable="['type', 'value']"`;

/**
 * The answer of /api/cockpit/access as the templates read it: no right until it says so; {@code answered}
 * is false until then (the batches page says nothing before it knows).
 */
export function accessOf(answer, answered = true) {
  const access = {...answer, answered};
  // one array per answer: Cockpit's variables table binds it by reference
  access.editableVariables = access.changesCaseData ? ['type', 'value'] : [];
  return access;
}

/**
 * {@code provider} as Cockpit should render it at {@code component}: a guarded action's template inside
 * an element that Angular keeps only while the user holds the action's right; a guarded entry of the
 * header menu accessible only while {@code access()} (the answer now) grants its right; the variables tab
 * with its editing only for those who may change case data; any other unchanged.
 */
export function guardedProvider(component, provider, access = () => ({})) {
  const right = provider && (GUARDED[component] || {})[provider.id];
  if (right && component === 'cockpit.navigation') {
    // Cockpit's header sets `accessible` once and renders the entry with ng-if on it (and overwrites
    // the template): a getter follows the answer, also after signing in as someone else
    const entry = {...provider};
    delete entry.accessible;
    return Object.defineProperty(entry, 'accessible', {
      get: () => Boolean((access() || {})[right]), set() {}, enumerable: true, configurable: true,
    });
  }
  if (!provider || typeof provider.template !== 'string') {
    return provider;
  }
  if (component === 'cockpit.processInstance.runtime.tab' && provider.id === VARIABLES_TAB) {
    return {...provider, template: provider.template.replace(EDITABLE_VARIABLES,
      `cam-editable="$root.${ACCESS}.editableVariables"`)};
  }
  if (!right) {
    return provider;
  }
  return {...provider, template: `<span ng-if="$root.${ACCESS}.${right}">${provider.template}</span>`};
}

/**
 * The batches page's template: Camunda's own only while the answer grants its right; without it, the
 * plain Chinese notice; before the answer, neither.
 */
export function batchPageTemplate(template) {
  return `<div ng-if="$root.${ACCESS}.answered && !$root.${ACCESS}.${BATCH_RIGHT}"`
    + ` class="alert alert-info ms-batch-refused" role="status">${BATCH_REFUSED}</div>`
    + `<div ng-if="$root.${ACCESS}.${BATCH_RIGHT}">${template}</div>`;
}

function install(angular = globalThis.angular) {
  if (!angular) {
    return;
  }
  const module = angular.module('cam.cockpit');
  module.config(['$provide', $provide => $provide.decorator('Views', ['$delegate', '$rootScope', (views, $rootScope) => {
    const wrapped = new WeakMap();
    const getProviders = views.getProviders.bind(views);
    const access = () => $rootScope[ACCESS];
    views.getProviders = options => getProviders(options).map(provider => {
      if (!wrapped.has(provider)) {
        wrapped.set(provider, guardedProvider(options && options.component, provider, access));
      }
      return wrapped.get(provider);
    });
    return views;
  }])]);
  module.run(['$rootScope', '$route', ($rootScope, $route) => {
    const batches = $route.routes[BATCH_ROUTE];
    if (batches && typeof batches.template === 'string') {
      batches.template = batchPageTemplate(batches.template);
    }
    let asked = 0;
    const ask = () => {
      const question = ++asked;
      $rootScope[ACCESS] = accessOf({}, false);
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
