// CS Planner's service worker: the app opens without a network, and a new deploy is offered
// as "update available — reload", never swapped in under a running page.
//
// This is a template: scripts/post_build.py (Trunk's post_build hook) writes the built copy,
// dist/sw.js, with VERSION and FILES filled in for that build. FILES lists every file of the
// build (paths relative to the base path) with its SRI hash; VERSION is derived from those
// hashes and this template's, so each deploy that changes any file is a new worker (the
// browser compares the worker's bytes) with a cache of its own.
//
// Strategy (cache-first, precache-everything): installing fetches exactly this build's files,
// each checked against its hash, into one cache named after the scope and the version. Pages
// (navigations under the base path, deep links like /cs-planner/segments?asof=…) are answered
// with the cached index.html; the build's files from the same cache. So the app is always one
// consistent build (its index.html and the hashed files it names), it opens at once on a slow
// or missing network, and a new build waits until the page asks for it (SKIP_WAITING). A
// request the cache cannot answer goes to the network; nothing is cached at run time, and
// cross-origin requests (there are none: the CSP forbids them) are never touched.
'use strict';

const VERSION = '__SW_VERSION__';
/** [path relative to the scope, 'sha256-…'] for every file of the build. */
const FILES = __SW_FILES__;

const SCOPE = new URL(self.registration.scope);
// Caches are per origin, and GitHub Pages serves every project of an account from one origin:
// the scope's path in the name keeps each base path's caches apart.
const PREFIX = `cs-planner ${SCOPE.pathname} `;
const CACHE = PREFIX + VERSION;
const SHELL = new URL('index.html', SCOPE).href;
const PRECACHED = new Set(FILES.map(([path]) => new URL(path, SCOPE).href));

/** Fetches one file of the build, checked against its hash; a stale copy in the HTTP cache
 * (index.html or an unhashed file fetched before this deploy) fails the check and is fetched
 * again past the HTTP cache. */
async function fetchChecked(path, integrity) {
  const url = new URL(path, SCOPE);
  try {
    return await fetch(new Request(url, { integrity }));
  } catch {
    return fetch(new Request(url, { integrity, cache: 'reload' }));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // All or nothing: if any file is missing or not this build's, the install fails and the
    // browser tries again at its next update check; the old worker keeps serving meanwhile.
    const responses = await Promise.all(FILES.map(([path, integrity]) => fetchChecked(path, integrity)));
    responses.forEach((response, i) => {
      if (!response.ok) throw new Error(`sw: ${FILES[i][0]}: HTTP ${response.status}`);
    });
    const cache = await caches.open(CACHE);
    await Promise.all(responses.map((response, i) => cache.put(new URL(FILES[i][0], SCOPE).href, response)));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // This scope's older builds only: other base paths on the same origin keep theirs.
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    // The first visit's page is controlled at once (with an older worker there is no claim to
    // make: the pages asked for this one and reload).
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  // The page's Reload button: this build, installed and waiting, takes over now.
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

/** Whether a navigation to `url` is one of the app's pages (it has no file extension, or is
 * an .html file), answered by the app itself. */
function isPage(url) {
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  return !last.includes('.') || last.endsWith('.html');
}

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const key = url.origin + url.pathname;
  if (PRECACHED.has(key)) {
    event.respondWith(fromCache(key, request));
  } else if (request.mode === 'navigate' && isPage(url)) {
    event.respondWith(fromCache(SHELL, request));
  }
});
