/**
 * One open map. Opens the session (from the server, or the one cached on this device
 * when offline), the map model, and lays out the views: list | canvas | item panel.
 */
import { Show, createResource, onCleanup } from 'solid-js';
import type { SessionInfo } from '../../../../schema/index.js';
import { t } from '../../i18n';
import { type MapModel, openMap } from '../../sync/map-model';
import { fetchSession, joinedMap, rememberMap } from '../../sync/session';
import { CreateDialog } from './CreateDialog';
import { FilterBar } from './FilterBar';
import { GraphCanvas } from './GraphCanvas';
import { Header } from './Header';
import { ItemList } from './ItemList';
import { ItemPanel } from './ItemPanel';
import { Legend } from './Legend';
import { LinkDialog } from './LinkDialog';
import { Notices } from './Notices';
import { Toolbar } from './Toolbar';
import { MapProvider, createMapUi } from './context';
import { useShortcuts } from './shortcuts';

type Opened = { ok: true; session: SessionInfo; token: string } | { ok: false; reason: 'invalid' | 'unreachable' };

async function openSession(mapId: string): Promise<Opened> {
  const joined = joinedMap(mapId);
  if (!joined) return { ok: false, reason: 'invalid' };
  const r = await fetchSession(mapId, joined.token);
  if (r.ok) {
    rememberMap({ ...joined, mapName: r.session.mapName, session: r.session });
    return { ok: true, session: r.session, token: joined.token };
  }
  // Offline (or the server is down): the session this device saw last opens the local copy.
  if (r.reason === 'unreachable' && joined.session) return { ok: true, session: joined.session, token: joined.token };
  return r;
}

export function MapPage(props: { mapId: string }) {
  const [opened] = createResource(() => props.mapId, openSession);
  return (
    <Show when={opened()} fallback={<p class="page">{t().loadingMap}</p>}>
      {(o) => {
        const r = o();
        if (!r.ok) {
          return (
            <main class="page">
              <p role="alert">{r.reason === 'invalid' ? t().inviteInvalid : t().serverUnreachable}</p>
              <a href="/">{t().backToStart}</a>
            </main>
          );
        }
        const model = openMap(r.session, r.token);
        onCleanup(() => model.destroy());
        return <OpenMap model={model} />;
      }}
    </Show>
  );
}

function OpenMap(props: { model: MapModel }) {
  const ui = createMapUi(props.model);
  useShortcuts(ui);
  // Exposed for end-to-end tests and debugging (the model, never the Y.Doc).
  (window as unknown as { buurtweb?: unknown }).buurtweb = { ui };
  return (
    <MapProvider value={ui}>
      <div class="map-app">
        <Header />
        <Toolbar />
        <FilterBar />
        <div class="map-body">
          <section class="map-list" aria-label={t().list.title}>
            <ItemList />
          </section>
          <section class="map-canvas" aria-label={t().canvas.title}>
            <GraphCanvas />
            <Legend />
          </section>
          <ItemPanel />
        </div>
        <CreateDialog />
        <LinkDialog />
        <Notices />
      </div>
    </MapProvider>
  );
}
