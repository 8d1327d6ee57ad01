// The system's identity on the login page of the Camunda webapps (Tasklist, Cockpit, Admin,
// Welcome): each app's scripts/config.js loads this module as a custom script. Camunda renders
// its logo and the app's name there; the logo gives way to the system's and the bureau's names.
// The footer's "Camunda Platform / v7.24.0" gives way to the bureau, the profile form's English
// sample names to Chinese hints: users read Chinese only (issue 13). And Camunda's dates are written
// in Beijing time whatever the browser's time zone, as on our own pages, in letters and mails; the
// footer says so instead of naming the browser's zone, in Chinese (locales/zh.json) and in English,
// whose label is Camunda's file and would say "local timezone". The page says lang="zh-CN" (Camunda's
// index.html: "en") while the app speaks Chinese.

export const SYSTEM_NAME = '众创空间认定与管理系统';
export const BUREAU_NAME = '朔州市科学技术局';

const STYLE = `
.login-header .login-logo { display: none; }
.ms-login-brand { text-align: center; margin-bottom: 12px; }
.ms-login-brand .ms-login-system { font-size: 24px; font-weight: 600; margin: 0 0 6px; }
.ms-login-brand .ms-login-bureau { font-size: 15px; color: #555; margin: 0; }
#footer-timezone > i, #footer-timezone + div > a, #footer-timezone + div > .version { display: none; }
#footer-timezone + div { font-size: 0; }
#footer-timezone + div > .ms-footer-vendor { font-size: 13px; }
`;

/** Beijing time's offset from UTC, in minutes (no daylight saving). */
const BEIJING_OFFSET = 480;

/**
 * The moment whose wall time in the browser's zone is Beijing's wall time at {@code value} (a Date,
 * epoch milliseconds or the engine's 2026-12-07T04:01:37.289+0000): what Camunda's camDate filter,
 * which writes local time, must be given to write Beijing time.
 */
export function beijingWallTime(value) {
  // the engine writes the offset without a colon (+0000), which not every browser parses
  const date = value instanceof Date ? value
    : new Date(typeof value === 'string' ? value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Date(date.getTime() + (BEIJING_OFFSET + date.getTimezoneOffset()) * 60000);
}

/** Camunda's two date filters write Beijing time: camDate (moment, local time) and Angular's date. */
function beijingDates(angular = globalThis.angular) {
  if (!angular) {
    return;
  }
  angular.module('cam.commons.filter.date').config(['$provide', ($provide) => {
    $provide.decorator('camDateFilter', ['$delegate', (camDate) =>
      (value, ...rest) => camDate(value || value === 0 ? beijingWallTime(value) : value, ...rest)]);
    $provide.decorator('dateFilter', ['$delegate', (date) =>
      (value, format, zone) => date(value, format, zone || '+0800')]);
  }]);
}

/** The footer's label (the browser's zone name after it is hidden) in a language other than Chinese. */
export const FOOTER_TIMEZONE = 'CAM_WIDGET_FOOTER_TIMEZONE';
export const FOOTER_TIMEZONE_ENGLISH = 'Dates and times are Beijing time (UTC+8)';

/**
 * The translate filter says the footer's time zone in English unless the page is Chinese (or becoming
 * Chinese: the language is proposed until its file has loaded).
 */
function footerTimezoneLabel(translate, $translate) {
  const chinese = () => String($translate.use() || $translate.proposedLanguage() || '').startsWith('zh');
  const filter = (id, ...rest) => (id === FOOTER_TIMEZONE && !chinese() ? FOOTER_TIMEZONE_ENGLISH : translate(id, ...rest));
  filter.$stateful = translate.$stateful; // it follows a change of language as the original does
  return filter;
}

function footerTimezone(angular = globalThis.angular) {
  angular?.module('pascalprecht.translate').config(['$provide', ($provide) => {
    $provide.decorator('translateFilter', ['$delegate', '$translate', footerTimezoneLabel]);
  }]);
}

/**
 * The page's language: Camunda's index.html says {@code <html lang="en">} whatever it shows. It is
 * zh-CN from the start, and then follows the language the app speaks (a browser asking for English
 * gets Camunda's English), so that screen readers and the browser read the page as what it is.
 */
export function pageLanguage(language) {
  const code = String(language || 'zh');
  return code.startsWith('zh') ? 'zh-CN' : code;
}

function documentLanguage(angular = globalThis.angular) {
  document.documentElement.lang = pageLanguage();
  angular?.module('pascalprecht.translate').run(['$rootScope', '$translate', ($rootScope, $translate) => {
    const follow = () => {
      document.documentElement.lang = pageLanguage($translate.use() || $translate.proposedLanguage());
    };
    $rootScope.$on('$translateChangeSuccess', follow);
    follow();
  }]);
}

function brandFooter() {
  const zone = document.querySelector('#footer-timezone:not([data-ms-branded])');
  if (!zone) {
    return;
  }
  zone.setAttribute('data-ms-branded', '');
  const vendor = document.createElement('span');
  vendor.className = 'ms-footer-vendor';
  vendor.textContent = '主办单位：' + BUREAU_NAME;
  zone.nextElementSibling?.append(vendor);
}

/** The welcome page's profile form ships English sample names as placeholders (Jonny, Prosciutto). */
const PLACEHOLDERS = {
  'user-profile-firstname': '如：朔城区',
  'user-profile-lastname': '如：审核员一',
  'user-profile-email': '电子邮箱地址',
};

function brandPlaceholders() {
  for (const [id, text] of Object.entries(PLACEHOLDERS)) {
    const input = document.getElementById(id);
    if (input && input.placeholder !== text) {
      input.placeholder = text;
    }
  }
}

function brand() {
  for (const header of document.querySelectorAll('.login-header:not([data-ms-branded])')) {
    header.setAttribute('data-ms-branded', '');
    const box = document.createElement('div');
    box.className = 'ms-login-brand';
    const system = document.createElement('h1');
    system.className = 'ms-login-system';
    system.textContent = SYSTEM_NAME;
    const bureau = document.createElement('p');
    bureau.className = 'ms-login-bureau';
    bureau.textContent = BUREAU_NAME;
    box.append(system, bureau);
    header.prepend(box);
  }
  brandFooter();
  brandPlaceholders();
}

beijingDates();
footerTimezone();
documentLanguage();
const style = document.createElement('style');
style.textContent = STYLE;
document.head.appendChild(style);
// The login view comes and goes with Angular's routing: brand it whenever it appears.
new MutationObserver(brand).observe(document.body, { childList: true, subtree: true });
brand();

export default [];
