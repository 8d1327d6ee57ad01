// Our configuration of the Camunda tasklist webapp (the shared part: /common/webapp-config.js).
import { preloadImports, webappConfig } from '/common/webapp-config.js';

preloadImports('tasklist', import.meta.url);

export default webappConfig('任务中心', {
  // Chinese messages of the Camunda Forms (scripts/form-messages.js); limits that follow another
  // field checked again when it changes (scripts/form-limits.js); 已办, quick search, 转办 and 退回
  // (scripts/staff-tasks.js).
  customScripts: ['scripts/form-messages', 'scripts/form-limits', 'scripts/staff-tasks'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '焦点移到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框' }
  }
});
