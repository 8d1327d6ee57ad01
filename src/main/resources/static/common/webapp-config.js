// What the configurations of our Camunda webapps share (app/{tasklist,cockpit,admin,welcome}/scripts/config.js):
// Chinese first with English available, dates as 2026年12月6日 14:30, the system as vendor, and the
// system's name on the login page (webapp-branding.js). Camunda loads each app's config.js with
// import(), so each stays a small module that imports this one and adds what is the app's own.

const BRANDING = '../../../common/webapp-branding';

/** The configuration of the webapp {@code name}; {@code own.customScripts} come after the branding. */
export function webappConfig(name, { customScripts = [], ...own } = {}) {
  return {
    app: { name, vendor: '朔州市众创空间认定与管理' },
    customScripts: [BRANDING, ...customScripts],
    locales: { availableLocales: ['zh', 'en'], fallbackLocale: 'zh' },
    dateFormat: { normal: 'YYYY年M月D日 HH:mm', long: 'YYYY年M月D日 HH:mm:ss' },
    ...own,
  };
}
