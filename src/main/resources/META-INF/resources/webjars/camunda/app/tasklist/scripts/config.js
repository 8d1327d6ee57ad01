// Our configuration of the Camunda tasklist webapp: Chinese first, English available.
export default {
  app: {
    name: '任务中心',
    vendor: '朔州市众创空间认定与管理'
  },
  // The system's name on the login page (static/common/webapp-branding.js); Chinese messages
  // of the Camunda Forms (scripts/form-messages.js); 已办, quick search, 转办 and 退回
  // (scripts/staff-tasks.js).
  customScripts: ['../../../common/webapp-branding', 'scripts/form-messages', 'scripts/staff-tasks'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  },
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '焦点移到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框' }
  }
};
