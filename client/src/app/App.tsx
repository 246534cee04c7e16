/** Routes: `/` start page, `/join/<map>#token=…` invite link, `/map/<map>` the map. */
import { Match, Show, Switch } from 'solid-js';
import { MapPage } from '@map';
import { JoinPage } from './JoinPage';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate, segment } from './router';
import { StartPage } from './StartPage';

export function App() {
  return (
    <>
      {/* The map page has the switch in its header. */}
      <Show when={!segment('/map/')}>
        <LanguageSwitch />
      </Show>
      <Switch fallback={<StartPage />}>
        <Match when={segment('/join/')}>{(mapId) => <JoinPage mapId={mapId()} />}</Match>
        <Match when={segment('/map/')}>
          {(mapId) => <MapPage mapId={mapId()} onLeave={() => navigate('/', true)} languageSwitch={LanguageSwitch} />}
        </Match>
      </Switch>
    </>
  );
}
