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
    // no first-visit box about Camunda's welcome app: its probe (GET /camunda-welcome) failed on every login
    disableWelcomeMessage: true,
    ...own,
  };
}

/**
 * Every file that an app's custom scripts import, directly or not, as paths from the app's scripts/
 * folder (webapp-config.test.mjs checks these lists against the files). Camunda imports the custom
 * scripts only once config.js has run, and the browser then finds their imports one level at a
 * time; as each of our files is revalidated on every page (security/WebappCachingFilter), every
 * level was one more round trip before the app could start. The dictionary is fetched by readable.js
 * before it finishes loading, so it belongs to the chain too; the history's stylesheet is asked for early too.
 */
export const CUSTOM_SCRIPT_IMPORTS = {
  tasklist: ['/common/session.js', '/common/errors.js', '/common/dom.js', '/common/fields.js', '/common/readable.js',
    '/common/inbox.js', '/common/webapp-texts.js', '/common/dictionary.json'],
  cockpit: ['history/definition-tab.js', 'history/instance-page.js', 'history/search.js', 'history/dom.js',
    'history/diagram.js', 'history/api.js', 'history/format.js', 'history/labels.js', 'history/instance-data.js',
    'history/history.css', 'history/decision-page.js', '/common/dom.js', '/common/readable.js', '/common/dmn-zh.js',
    '/common/webapp-texts.js', '/common/dictionary.json'],
  admin: ['/common/readable.js', '/common/webapp-texts.js', '/common/dictionary.json'],
};

/** Asks the browser at once for what {@code app}'s custom scripts will import ({@link CUSTOM_SCRIPT_IMPORTS}). */
export function preloadImports(app, configUrl, doc = globalThis.document) {
  for (const path of CUSTOM_SCRIPT_IMPORTS[app] || []) {
    const link = doc.createElement('link');
    if (path.endsWith('.json')) {
      // the same request as readable.js's fetch (CORS mode, same-origin credentials), so it is reused
      Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    } else if (path.endsWith('.css')) {
      Object.assign(link, { rel: 'preload', as: 'style' });
    } else {
      link.rel = 'modulepreload';
    }
    link.href = new URL(path, configUrl).href;
    doc.head.append(link);
  }
}
