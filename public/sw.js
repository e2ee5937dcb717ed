// Service worker of the Changning reader: the app works offline once loaded.
// - The app shell (index.html and Trunk's hashed assets) is precached at
//   install; a new build (a new VERSION, written by `cargo xtask dist`)
//   installs beside the old one and takes over on the next load.
// - Data and the world map are stale-while-revalidate: a fresh answer is
//   used when the network gives one quickly; otherwise the saved copy, marked
//   with the header X-Reader-Saved (its date) so the app can say so. A 404 or
//   410 is final: the saved copy is deleted and the reader sees "not found".
const VERSION = '__BUILD_ID__';
// The parts of the app pages download when they need them (the map, the
// printed parts, kiosk mode): precached too, so that a kiosk that loaded
// once opens any page offline. Named by the release build.
const PARTS = [ /* filled in by cargo xtask dist */ ];
const SHELL = `shell-${VERSION}`;
const DATA = 'data';
const NETWORK_WINDOW_MS = 2000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const html = await (await fetch('/index.html', { cache: 'no-cache' })).text();
      const assets = [...html.matchAll(/(?:href|src)="(\/[^"?#]+)"/g)].map((m) => m[1]);
      await cache.addAll(['/index.html', ...new Set([...assets, ...PARTS])]);
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    // Every route is the app shell: the network's, else the saved one.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: SHELL })));
  } else if (url.pathname.startsWith('/data/') || url.pathname.startsWith('/map/')) {
    event.respondWith(staleWhileRevalidate(event, request));
  } else {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(DATA);
  const saved = await cache.match(request);
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      const copy = new Headers(response.headers);
      copy.set('X-Reader-Saved', new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(request, new Response(body, { status: response.status, headers: copy }));
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
