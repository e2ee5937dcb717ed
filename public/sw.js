// Service worker of the Changning reader: the app works offline once loaded.
// - The app shell (index.html and Trunk's hashed assets) is precached at
//   install; a new build (a new VERSION, written by `cargo xtask dist`)
//   installs beside the old one and takes over on the next load.
// - A file the build names with its integrity (the app's glue and main
//   module, the parts) is fetched with it and saved only if its bytes are
//   the build's; a saved copy is served only if its bytes still are, else
//   the network answers (and the good copy it brings is saved).
// - Data and the world map are stale-while-revalidate: a fresh answer is
//   used when the network gives one quickly; otherwise the saved copy, marked
//   with the header X-Reader-Saved (its date) so the app can say so. A 404 or
//   410 is final: the saved copy is deleted and the reader sees "not found".
// - On the first visit the page loaded its data before this worker ran: the
//   page tells it which files it used (src/offline.rs) and they are saved.
// - Nothing of the archive is saved ahead: only what a reader opened, and of
//   that at most DATA_KEPT_AT_MOST files, the oldest saved going first; the
//   files every page reads (ALWAYS_KEPT) always stay.
// - The search index (/pagefind/, and the app's module that imports it,
//   /search-index.js) is kept in the 'search' cache as a reader's searches
//   fetch it, so a kiosk that searched once can search offline: the files
//   named by their content (each part's index/, fragment/, filter/ chunks
//   and *.pf_meta) cache-first, at most SEARCH_KEPT_AT_MOST of them, the
//   oldest saved going first; the files under fixed names (parts.json, each
//   part's pagefind-entry.json, pagefind.js, its worker and wasm,
//   /search-index.js) network-first, the
//   saved copy when the network fails. Nothing is saved before a search.
const VERSION = '__BUILD_ID__';
// The parts of the app pages download when they need them (the map, the
// printed parts, kiosk mode), each with its integrity: precached too, so
// that a kiosk that loaded once opens any page offline. A part that cannot
// be saved at install (a 404, bytes that are not the build's) does not stop
// the rest; it is tried again whenever a page starts. Named by the release
// build.
const PARTS = [ /* filled in by cargo xtask dist */ ];
const SHELL = `shell-${VERSION}`;
const DATA = 'data';
const SEARCH = 'search';
// At most this many of the search index's chunks are kept (a search reads
// one or two a part of the index; each result shown, one fragment); the
// oldest saved go first.
const SEARCH_KEPT_AT_MOST = 400;
const NETWORK_WINDOW_MS = 2000;
// At most this many files saved for one page's message: a page uses a
// handful, the partner map's search of the column 50 articles more
// (MENTION_SCAN_LIMIT); never the whole archive.
const SAVE_AT_MOST = 100;
// At most this many data files a reader opened (articles, their readings)
// are kept, whatever the size of the archive; the oldest saved go first.
const DATA_KEPT_AT_MOST = 200;
// What every page reads: kept beside them, never counted or evicted.
const ALWAYS_KEPT = new Set([
  '/data/articles/index.json',
  '/data/cities.json',
  '/data/kiosk.json',
  '/data/readings.json',
  '/map/world-110m.json',
]);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const index = await fetch('/index.html', { cache: 'no-cache' });
      if (!index.ok) throw new Error(`/index.html: ${index.status}`);
      const assets = assetsOf(await index.clone().text());
      // The shell's own files are all needed: without one, this build does
      // not install (and the one before, if any, goes on serving).
      await Promise.all(
        assets.map(async ([url, integrity]) => cache.put(url, await fetchChecked(url, integrity))),
      );
      await cache.put('/index.html', index);
      await saveMissingParts(cache);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('shell-') && key !== SHELL) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// A page tells the worker the data files it loaded before the worker
// controlled it ({ save: [url, …] }); and at each start, the parts not yet
// saved are tried again.
self.addEventListener('message', (event) => {
  const files = event.data && event.data.save;
  if (!Array.isArray(files)) return;
  event.waitUntil(
    (async () => {
      await saveUsed(files.slice(0, SAVE_AT_MOST));
      await saveMissingParts(await caches.open(SHELL));
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    // Every route is the app shell: the network's, else the saved one.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: SHELL })));
  } else if (isData(url)) {
    event.respondWith(staleWhileRevalidate(event, request));
  } else if (isSearch(url)) {
    event.respondWith(searchFile(event, request, url));
  } else if (request.integrity) {
    event.respondWith(checkedFile(request));
  } else {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

function isData(url) {
  return url.pathname.startsWith('/data/') || url.pathname.startsWith('/map/');
}

function isSearch(url) {
  return url.pathname.startsWith('/pagefind/') || url.pathname === '/search-index.js';
}

/** A file of the search index named by its content: it never changes. */
function isHashedSearchFile(pathname) {
  return /^\/pagefind\/part\d+\/((index|fragment|filter)\/|[^/]+\.pf_meta$)/.test(pathname);
}

/**
 * A file of the search index, saved as it is fetched. Saved under its path
 * alone: Pagefind asks for its entry with a changing query, and the app asks
 * again under another one after a failure.
 */
async function searchFile(event, request, url) {
  const cache = await caches.open(SEARCH);
  const key = url.origin + url.pathname;
  if (isHashedSearchFile(url.pathname)) {
    const saved = await cache.match(key);
    if (saved) return saved;
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(cache.put(key, copy).then(() => keepSearchBounded(cache)));
    }
    return response;
  }
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(cache.put(key, response.clone()));
    return response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved) return saved;
    throw error;
  }
}

/** Evicts the oldest saved chunks of the index beyond SEARCH_KEPT_AT_MOST. */
async function keepSearchBounded(cache) {
  const chunks = (await cache.keys()).filter((request) => isHashedSearchFile(new URL(request.url).pathname));
  const over = chunks.length - SEARCH_KEPT_AT_MOST;
  for (const request of chunks.slice(0, Math.max(0, over))) await cache.delete(request);
}

/** The files `index.html` names, each with its integrity where it has one. */
function assetsOf(html) {
  const found = new Map();
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const url = /\b(?:href|src)="(\/[^"?#]+)"/.exec(tag);
    if (!url) continue;
    const integrity = /\bintegrity="([^"]+)"/.exec(tag);
    if (!found.has(url[1]) || integrity) found.set(url[1], integrity ? integrity[1] : '');
  }
  return [...found];
}

/**
 * Fetches `url`, with its integrity when it has one: the browser refuses
 * bytes that are not the build's. Once more past the browser's own cache,
 * which may keep bytes the server has since corrected.
 */
async function fetchChecked(url, integrity) {
  const get = async (cache) => {
    const response = await fetch(url, { integrity, cache });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response;
  };
  return get('default').catch(() => get('reload'));
}

async function saveMissingParts(cache) {
  await Promise.allSettled(
    PARTS.map(async ([url, integrity]) => {
      // Only checked bytes are ever put; a copy is checked again when served.
      if (await cache.match(url)) return;
      await cache.put(url, await fetchChecked(url, integrity));
    }),
  );
}

/** A file asked for with its integrity: the saved copy if its bytes match, else the network's. */
async function checkedFile(request) {
  const cache = await caches.open(SHELL);
  const saved = await matchChecked(cache, request.url, request.integrity);
  if (saved) return saved;
  const response = await fetch(request);
  // The fetch carried the integrity: these bytes are the build's.
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

/** The saved copy of `url` if its bytes match `integrity`; one that does not is deleted. */
async function matchChecked(cache, url, integrity) {
  const saved = await cache.match(url);
  if (!saved) return null;
  if (await matches(saved.clone(), integrity)) return saved;
  await cache.delete(url);
  return null;
}

const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** Whether the body's digest is one of those `integrity` names (SRI's syntax). */
async function matches(response, integrity) {
  const bytes = await response.arrayBuffer();
  for (const token of integrity.split(/\s+/)) {
    const [, algorithm, expected] = /^(sha256|sha384|sha512)-([A-Za-z0-9+/=]+)/.exec(token) || [];
    if (!algorithm) continue;
    const digest = new Uint8Array(await crypto.subtle.digest(DIGESTS[algorithm], bytes));
    if (btoa(String.fromCharCode(...digest)) === expected) return true;
  }
  return false;
}

/** Saves the data and map files a page used, those not saved already. */
async function saveUsed(files) {
  const cache = await caches.open(DATA);
  for (const file of files) {
    const url = new URL(file, self.location.origin);
    if (url.origin !== self.location.origin || !isData(url)) continue;
    if (await cache.match(url.href)) continue;
    // From the browser's cache when it has it still (revalidated: data is no-cache).
    const response = await fetch(url.href).catch(() => null);
    if (response && response.ok) await saveCopy(cache, url.href, response);
  }
}

/** Saves `response` for offline use, marked with the time it was saved. */
async function saveCopy(cache, request, response) {
  const headers = new Headers(response.headers);
  headers.set('X-Reader-Saved', new Date().toISOString());
  const body = await response.clone().arrayBuffer();
  await cache.put(request, new Response(body, { status: response.status, headers }));
  await keepBounded(cache);
}

/** Evicts the oldest saved data files beyond DATA_KEPT_AT_MOST (a copy
 *  saved again is put anew, so it counts as the newest). */
async function keepBounded(cache) {
  const evictable = (await cache.keys()).filter((request) => !ALWAYS_KEPT.has(new URL(request.url).pathname));
  const over = evictable.length - DATA_KEPT_AT_MOST;
  for (const request of evictable.slice(0, Math.max(0, over))) await cache.delete(request);
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(DATA);
  const saved = await cache.match(request);
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      await saveCopy(cache, request, response);
    } else if (isGone(response)) {
      // The newsroom took the file down (a correction, a legal request):
      // no reader may go on seeing the saved copy.
      await cache.delete(request);
    }
    return response;
  });
  if (!saved) return network;
  event.waitUntil(network.catch(() => undefined));
  const quick = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_WINDOW_MS));
  const fresh = await Promise.race([network.catch(() => null), quick]);
  // Any answer but a server error is the server's word, and wins. The saved
  // copy stands in only when the network fails, is too slow or answers 5xx;
  // it carries X-Reader-Saved, so the reader is told.
  return fresh && fresh.status < 500 ? fresh : saved;
}

/** A definitive "not here": the saved copy must go. */
function isGone(response) {
  return response.status === 404 || response.status === 410;
}
