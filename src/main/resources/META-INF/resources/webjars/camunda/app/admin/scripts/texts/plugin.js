// Admin's texts that its locale files cannot reach: the engine's codes it shows as they are (the
// permissions on 授权, the group types on 组, the applications an authorization opens) and words
// written into its templates. They read as the shared dictionary's labels (/common/dictionary.json,
// tables permission, groupType, application); only what is shown changes: the models, and so what
// Admin sends to the engine, keep the engine's codes. Ids (users, groups) are marked as <code>.

import { codeLabel } from '/common/readable.js';
import { translated } from '/common/webapp-texts.js';

const ID = (expression) => `<code class="ms-id">{{${expression}}}</code>`;

/** [what Camunda wrote into a template, what replaces it]; applied to its pages, views and dialogs. */
export const ADMIN_TEXTS = [
  ['{{formatPermissions(authorization.permissions)}}', '{{formatPermissions(authorization.permissions) | msPermissions}}'],
  ['{{ formatPermissions(authorization.permissions) }}', '{{ formatPermissions(authorization.permissions) | msPermissions }}'],
  ['{{formatPermissions(authorizationToDelete.permissions)}}', '{{formatPermissions(authorizationToDelete.permissions) | msPermissions}}'],
  ['{{perm}}', '{{perm | msPermission}}'],
  ['</button> Select all', '</button> 全选'],
  ['</button> Unselect all', '</button> 全不选'],
  ['{{authorization.resourceId}}', '{{authorization.resourceId | msResourceId:selectedResourceType}}'],
  ['{{authorization.userId}}', ID('authorization.userId')],
  ['{{authorization.groupId}}', ID('authorization.groupId')],
  ['{{group.type}}', '{{group.type | msGroupType}}'],
  ['{{group.id}}</a>', `${ID('group.id')}</a>`],
  // the execution metrics' column heads (PI, DI, TU, FNI, EDE): the names the explanation above them uses
  ['<th class="metric-header">PI</th>', `<th class="metric-header">{{ 'EXECUTION_METRICS_RPI' | translate }}</th>`],
  ['<th class="metric-header">DI</th>', `<th class="metric-header">{{ 'EXECUTION_METRICS_DI' | translate }}</th>`],
  ['<th class="metric-header">TU\n', `<th class="metric-header">{{ 'EXECUTION_METRICS_TW' | translate }}\n`],
  ['ng-show="displayLegacyMetrics">FNI</th>', `ng-show="displayLegacyMetrics">{{ 'EXECUTION_METRICS_FNI' | translate }}</th>`],
  ['ng-show="displayLegacyMetrics">EDE</th>', `ng-show="displayLegacyMetrics">{{ 'EXECUTION_METRICS_EDE' | translate }}</th>`],
  // the same heads in the annual table, shown once a year of metrics exists
  ['<th class="metric-header">TU</th>', `<th class="metric-header">{{ 'EXECUTION_METRICS_TW' | translate }}</th>`],
  ['<th class="metric-header">FNI</th>', `<th class="metric-header">{{ 'EXECUTION_METRICS_FNI' | translate }}</th>`],
  ['<th class="metric-header">EDE</th>', `<th class="metric-header">{{ 'EXECUTION_METRICS_EDE' | translate }}</th>`],
  // the type stays an input of the engine's code; its label is shown under it
  ['ng-model="group.type" />', 'ng-model="group.type" />\n<p class="help-block ms-group-type" ng-if="group.type">{{group.type | msGroupType}}</p>'],
];

/** A permission's label ('READ' → 读取); an unknown code as it is. */
export function permission(code) {
  return codeLabel('permission', code);
}

/** Admin's list of permissions ("READ, READ_HISTORY", "ALL", "NONE") as labels joined by 、. */
export function permissions(text) {
  return text ? String(text).split(/\s*,\s*/).map(permission).join('、') : text;
}

/** A group type's label (WORKFLOW → 业务组); the administrators' own types as they wrote them. */
export function groupType(code) {
  return codeLabel('groupType', code);
}

/** The resource an authorization names: an application's name on 应用 (resource type 0), else the id. */
export function resourceId(id, resourceType) {
  return String(resourceType) === '0' ? codeLabel('application', id) : id;
}

function install(angular = globalThis.angular) {
  if (!angular) {
    return;
  }
  const module = angular.module('cam.admin');
  module.filter('msPermissions', () => permissions);
  module.filter('msPermission', () => permission);
  module.filter('msGroupType', () => groupType);
  module.filter('msResourceId', () => resourceId);
  module.config(['$provide', ($provide) => {
    $provide.decorator('Views', ['$delegate', (views) => {
      const getProviders = views.getProviders.bind(views);
      views.getProviders = (options) => getProviders(options).map((provider) => {
        if (provider && typeof provider.template === 'string' && !provider.msTranslated) {
          provider.template = translated(provider.template, ADMIN_TEXTS);
          provider.msTranslated = true;
        }
        return provider;
      });
      return views;
    }]);
    $provide.decorator('$uibModal', ['$delegate', (modal) => {
      const open = modal.open.bind(modal);
      modal.open = (options) => open(options && typeof options.template === 'string'
        ? { ...options, template: translated(options.template, ADMIN_TEXTS) } : options);
      return modal;
    }]);
  }]);
  module.run(['$route', ($route) => {
    for (const route of Object.values($route.routes)) {
      if (typeof route.template === 'string') {
        route.template = translated(route.template, ADMIN_TEXTS);
      }
    }
  }]);
}

install();

export default [];
