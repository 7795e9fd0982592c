import { useEffect } from 'react';

/** The colour of the phone's status bar on the field page (the manifest's `theme_color`). */
export const fieldThemeColor = '#10233f';
const workerUrl = '/field-sw.js';

/** The built assets this page loaded (before the worker controlled it), for the worker to keep. */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name, window.location.origin);
      return url.origin === window.location.origin && url.pathname.startsWith('/assets/');
    });
}

async function registerWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.register(workerUrl, { scope: '/field' });
  await navigator.serviceWorker.ready;
  const worker = registration.active ?? registration.waiting ?? registration.installing;
  worker?.postMessage({ type: 'cache-assets', urls: loadedAssets() });
}

/**
 * Makes the field page an installable app that opens offline: its status-bar colour, and its
 * service worker (public/field-sw.js), registered by this page only — the rest of the app is
 * never served from a cache. In the built app only: the dev server's modules are not kept.
 */
export function useFieldPwa(): void {
  useEffect(() => {
    let meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
    const previous = meta?.content ?? null;
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'theme-color';
      document.head.append(meta);
    }
    meta.content = fieldThemeColor;
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      registerWorker().catch(() => {
        // No worker (a browser setting, plain http on another host): the page works online all the same.
      });
    }
    return () => {
      if (!meta) return;
      if (previous === null) meta.remove();
      else meta.content = previous;
    };
  }, []);
}
