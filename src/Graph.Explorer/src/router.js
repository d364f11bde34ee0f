import { useEffect, useState } from 'preact/hooks';

// Routing on the History API: every page and every search is a real URL that can be bookmarked and shared.

const listeners = new Set();

/** Goes to a URL of this app (path and query), adding a history entry unless replace is set. */
export function navigate(url, { replace = false } = {}) {
  if (url === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  listeners.forEach(listener => listener());
}

window.addEventListener('popstate', () => listeners.forEach(listener => listener()));

/** The current path and query parameters, re-rendering on navigation. */
export function useLocation() {
  const read = () => ({ path: location.pathname, query: new URLSearchParams(location.search), search: location.search });
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    const update = () => setCurrent(read());
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return current;
}

/** Follows in-app links without a page load (plain clicks only; modified clicks open a new tab as usual). */
export function onLinkClick(event) {
  const anchor = event.target.closest?.('a[href]');
  if (!anchor || anchor.target || anchor.hasAttribute('download') || event.defaultPrevented) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !isAppPath(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
  window.scrollTo(0, 0);
}

/** Paths the explorer renders itself; the others (/graphql, manifests, DCAT) are left to the browser. */
export function isAppPath(path) {
  return path === '/' || path === '/search' || path === '/cohorts' || path === '/requests' || /^\/datasets\/[^/]+$/.test(path);
}
