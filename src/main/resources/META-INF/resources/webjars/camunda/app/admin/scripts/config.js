// Our configuration of the Camunda admin webapp (the shared part: /common/webapp-config.js).
import { webappConfig } from '/common/webapp-config.js';

export default webappConfig('管理');
