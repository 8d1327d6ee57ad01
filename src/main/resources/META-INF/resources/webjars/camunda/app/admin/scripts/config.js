// Our configuration of the Camunda admin webapp: Chinese first, English available.
export default {
  app: {
    name: '管理',
    vendor: '朔州市众创空间认定与管理'
  },
  // The system's name on the login page (static/common/webapp-branding.js).
  customScripts: ['../../../common/webapp-branding'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY年M月D日 HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
