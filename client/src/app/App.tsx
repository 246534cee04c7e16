/** Routes: `/` start page, `/join/<map>#token=…` invite link, `/map/<map>` the map. */
import { Match, Show, Switch, createSignal } from 'solid-js';
import { JoinPage } from './JoinPage';
import { LanguageSwitch } from './LanguageSwitch';
import { MapPage } from '@map/MapPage';
import { StartPage } from './StartPage';

const [path, setPath] = createSignal(location.pathname);
window.addEventListener('popstate', () => setPath(location.pathname));

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  setPath(to);
}

function segment(prefix: string): string | undefined {
  const p = path();
  return p.startsWith(prefix) ? decodeURIComponent(p.slice(prefix.length).split('/')[0] ?? '') : undefined;
}

export function App() {
  return (
    <>
      {/* The map page has the switch in its header. */}
      <Show when={!segment('/map/')}>
        <LanguageSwitch />
      </Show>
      <Switch fallback={<StartPage />}>
        <Match when={segment('/join/')}>{(mapId) => <JoinPage mapId={mapId()} />}</Match>
        <Match when={segment('/map/')}>{(mapId) => <MapPage mapId={mapId()} />}</Match>
      </Switch>
    </>
  );
}
