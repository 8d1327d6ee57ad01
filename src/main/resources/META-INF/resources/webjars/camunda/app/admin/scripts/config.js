// Our configuration of the Camunda admin webapp (the shared part: /common/webapp-config.js).
import { preloadImports, webappConfig } from '/common/webapp-config.js';

preloadImports('admin', import.meta.url);

export default webappConfig('管理', {
  // the engine's codes (permissions, group types, applications) as the dictionary's labels: scripts/texts/plugin.js
  customScripts: ['scripts/texts/plugin'],
});
