/**
 * The field page's service worker (移动执行, registered by /field only, scope /field): keeps the app
 * shell so the page opens with no network. Pages are fetched network-first (the newest build when
 * online, the last one kept when not); the built assets, whose names carry their content's hash,
 * cache-first. API answers are never kept here: the page keeps its own copy of what it needs, and
 * its outbox, in IndexedDB.
 */
const version = 'zhixing-field-v1';
const shellKey = '/field';
const precache = [shellKey, '/manifest.webmanifest', '/field-icon-192.png', '/field-icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(version);
      // One missing icon must not keep the worker from installing.
      await Promise.all(
        precache.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => {})),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== version && key.startsWith('zhixing-field-')) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

function isNeverCached(url) {
  return url.pathname.startsWith('/api/') || url.pathname === '/healthz' || url.pathname === '/metrics';
}

async function networkFirstPage(request) {
  const cache = await caches.open(version);
  try {
    const response = await fetch(request);
    const type = response.headers.get('content-type') ?? '';
    // Every page of the app is the one index.html: the newest answer is the shell to keep.
    if (response.ok && type.startsWith('text/html')) await cache.put(shellKey, response.clone());
    return response;
  } catch (error) {
    const shell = await cache.match(shellKey);
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirstAsset(request) {
  const cache = await caches.open(version);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  // A file missing from the build is answered with the app's index.html: never kept as an asset.
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && !type.startsWith('text/html')) await cache.put(request, response.clone());
  return response;
}

async function networkFirstFile(request) {
  const cache = await caches.open(version);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isNeverCached(url)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirstAsset(request));
  else if (precache.includes(url.pathname)) event.respondWith(networkFirstFile(request));
});

/** The page lists the assets it loaded before this worker controlled it; they are kept too. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(version);
      for (const raw of data.urls) {
        const url = new URL(String(raw), self.location.origin);
        if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
        if (await cache.match(url.pathname)) continue;
        const response = await fetch(url.pathname).catch(() => null);
        const type = response?.headers.get('content-type') ?? '';
        if (response?.ok && !type.startsWith('text/html')) await cache.put(url.pathname, response);
      }
    })(),
  );
});
