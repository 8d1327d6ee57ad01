// Our configuration of the Camunda cockpit webapp (the shared part: /common/webapp-config.js).
import { preloadImports, webappConfig } from '/common/webapp-config.js';

preloadImports('cockpit', import.meta.url);

export default webappConfig('驾驶舱', {
  // The auditors' history views (a Community Edition plugin): scripts/history/plugin.js; the
  // dashboard notice when the working-day calendar lacks next year: scripts/calendar/plugin.js; 挂起 and
  // 激活 only for those who may use them: scripts/suspension/plugin.js.
  customScripts: ['scripts/history/plugin', 'scripts/calendar/plugin', 'scripts/suspension/plugin']
});
