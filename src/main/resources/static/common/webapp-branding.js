// The system's identity on the login page of the Camunda webapps (Tasklist, Cockpit, Admin,
// Welcome): each app's scripts/config.js loads this module as a custom script. Camunda renders
// its logo and the app's name there; the logo gives way to the system's and the bureau's names.

export const SYSTEM_NAME = '众创空间认定与管理系统';
export const BUREAU_NAME = '朔州市科学技术局';

const STYLE = `
.login-header .login-logo { display: none; }
.ms-login-brand { text-align: center; margin-bottom: 12px; }
.ms-login-brand .ms-login-system { font-size: 24px; font-weight: 600; margin: 0 0 6px; }
.ms-login-brand .ms-login-bureau { font-size: 15px; color: #555; margin: 0; }
`;

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
}

const style = document.createElement('style');
style.textContent = STYLE;
document.head.appendChild(style);
// The login view comes and goes with Angular's routing: brand it whenever it appears.
new MutationObserver(brand).observe(document.body, { childList: true, subtree: true });
brand();

export default [];
