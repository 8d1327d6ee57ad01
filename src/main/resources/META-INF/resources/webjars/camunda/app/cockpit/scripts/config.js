// Our configuration of the Camunda cockpit webapp: Chinese first, English available.
export default {
  app: {
    name: '驾驶舱',
    vendor: '朔州市众创空间认定与管理'
  },
  // The system's name on the login page (static/common/webapp-branding.js); the auditors'
  // history views (a Community Edition plugin): scripts/history/plugin.js; the dashboard notice
  // when the working-day calendar lacks next year: scripts/calendar/plugin.js.
  customScripts: ['../../../common/webapp-branding', 'scripts/history/plugin', 'scripts/calendar/plugin'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
