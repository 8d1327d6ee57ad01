// Our configuration of the Camunda welcome webapp: Chinese first, English available.
export default {
  app: {
    name: '欢迎',
    vendor: '朔州市众创空间认定与管理'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
