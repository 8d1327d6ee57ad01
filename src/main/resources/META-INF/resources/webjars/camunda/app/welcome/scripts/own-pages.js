// The welcome page's links to our own pages (config.js) for those who may use them: Camunda shows
// every link to everyone, and a page that refuses its visitor is a dead end (the administrator was
// offered 规则管理, and had no way to 机构账号). GET /api/my/pages says which addresses the signed-in
// user may open; each page checks again. Links stay hidden until the answer, and for good if it fails.

const seen = new WeakSet();

async function allowedPages() {
  const response = await fetch('/api/my/pages', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return response.ok ? response.json() : {};
}

function showAllowed(links) {
  const wrappers = [...links.querySelectorAll('.custom-link-wrapper')];
  wrappers.forEach((wrapper) => { wrapper.hidden = true; });
  links.setAttribute('aria-busy', 'true');
  allowedPages().catch(() => ({})).then((pages) => {
    wrappers.forEach((wrapper) => {
      wrapper.hidden = pages[wrapper.querySelector('a')?.getAttribute('href')] !== true;
    });
    // no link left: no heading over nothing
    links.hidden = wrappers.every((wrapper) => wrapper.hidden);
    links.setAttribute('aria-busy', 'false');
  });
}

// drawn again after each sign-in, for the user who signed in
new MutationObserver(() => {
  const links = document.querySelector('.custom-links');
  if (links && !seen.has(links) && links.querySelector('.custom-link-wrapper')) {
    seen.add(links);
    showAllowed(links);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
