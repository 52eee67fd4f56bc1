// The app shell, kept so a tablet that lost Wi-Fi can reload the board and keep drawing
// (its work lives in IndexedDB and syncs when the connection is back). Browsers run
// service workers only in secure contexts: https, or this machine's own localhost.
// The build (vite-service-worker.ts) writes its id here: each build has its own cache, and
// activating deletes every other build's (a new build is a new worker, so old files go).
const SHELL_PREFIX = 'roundtable-shell-';
const CACHE = `${SHELL_PREFIX}__BUILD_ID__`;
/** Uploaded pictures belong to boards, not to a build: kept across builds. */
const PICTURES = 'roundtable-pictures';

// The page that registers this worker was loaded before it existed: fetch the shell and
// every build file it names now, so the next reload works without a connection.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch('/index.html', { cache: 'no-cache' });
      if (!response.ok) return;
      const html = await response.clone().text();
      await cache.put('/index.html', response);
      const files = new Set(html.match(/\/assets\/[^"'\s)]+/g) ?? []);
      await cache.addAll([...files]);
    })().then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  ),
);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first, so a new build shows up; the last shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put('/index.html', copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .match('/index.html', { cacheName: CACHE })
            .then((cached) => cached ?? Response.error()),
        ),
    );
    return;
  }
  // Hashed build files and uploaded pictures never change: cache first.
  const store = url.pathname.startsWith('/assets/')
    ? CACHE
    : url.pathname.startsWith('/api/assets/')
      ? PICTURES
      : null;
  if (!store) return;
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(store).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
