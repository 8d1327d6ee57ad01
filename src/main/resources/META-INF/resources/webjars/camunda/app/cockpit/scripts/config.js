// Our configuration of the Camunda cockpit webapp (the shared part: /common/webapp-config.js).
import { preloadImports, webappConfig } from '/common/webapp-config.js';

preloadImports('cockpit', import.meta.url);

export default webappConfig('驾驶舱', {
  // The auditors' history views (a Community Edition plugin): scripts/history/plugin.js; the
  // dashboard notice when the working-day calendar lacks next year: scripts/calendar/plugin.js; the changing
  // actions (挂起, 激活, 删除, 添加变量, 作业重试…, the 批处理 menu entry) only for those who may use them:
  // scripts/actions/plugin.js; the English written into Camunda's templates and our deployments' source
  // codes in Chinese: scripts/texts/plugin.js.
  customScripts: ['scripts/history/plugin', 'scripts/calendar/plugin', 'scripts/actions/plugin', 'scripts/texts/plugin']
});
