/** The app's routes follow location.pathname: `/` start page, `/join/<map>#token=…`, `/map/<map>`. */
import { createSignal } from 'solid-js';

const [path, setPath] = createSignal(location.pathname);
window.addEventListener('popstate', () => setPath(location.pathname));

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  setPath(to);
}

/** The route's first segment after `prefix` ("/map/" → the map id), if the path starts with it. */
export function segment(prefix: string): string | undefined {
  const p = path();
  return p.startsWith(prefix) ? decodeURIComponent(p.slice(prefix.length).split('/')[0] ?? '') : undefined;
}
