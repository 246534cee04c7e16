/**
 * One open map. Opens the session (from the server, or the one cached on this device
 * when offline), the map model, and lays out the views: list (or the review panel) |
 * canvas | item panel. When the server refuses a change from this device (4409), the
 * model has dropped its local copy: the map opens again from the server's state (a new
 * generation) and says why.
 */
import { type JSX, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type { SessionInfo } from '@schema';
import { t } from '@i18n';
import { type MapModel, openMap } from '@sync/map-model';
import { fetchSession, joinedMap, rememberMap } from '@sync/session';
import { CreateDialog } from '@map/dialogs/CreateDialog';
import { FilterBar } from '@map/filters/FilterBar';
import { GraphCanvas } from '@map/canvas/GraphCanvas';
import { Header } from '@map/header/Header';
import { ItemList } from '@map/list/ItemList';
import { ItemPanel } from '@map/panel/ItemPanel';
import { RejectConfirm } from '@map/dialogs/RejectConfirm';
import { ReviewPanel } from '@map/review/ReviewPanel';
import { recordVisit } from '@map/review/visits';
import { SettingsDialog } from '@map/dialogs/SettingsDialog';
import { StartAgainNotice } from '@map/header/StartAgainNotice';
import { Legend } from '@map/canvas/Legend';
import { LinkDialog } from '@map/dialogs/LinkDialog';
import { Notices } from '@map/header/Notices';
import { Toolbar } from '@map/header/Toolbar';
import { MapProvider, createMapUi } from './context';
import { useShortcuts } from '@map/header/shortcuts';

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
        const lastVisit = recordVisit(localStorage, props.mapId, Date.now());
        const [generation, setGeneration] = createSignal(0);
        const [refused, setRefused] = createSignal<string | null>(null);
        return (
          <Show when={generation() + 1} keyed>
            {(_generation) => {
              const model = openMap(r.session, r.token, {
                onRejected: (reason) => {
                  setRefused(reason);
                  setGeneration((g) => g + 1);
                },
              });
              onCleanup(() => model.destroy());
              return (
                <OpenMap model={model} lastVisit={lastVisit}>
                  <Show when={refused()}>
                    {(reason) => (
                      <StartAgainNotice rules={model.rules} reason={reason()} onClose={() => setRefused(null)} />
                    )}
                  </Show>
                </OpenMap>
              );
            }}
          </Show>
        );
      }}
    </Show>
  );
}

function OpenMap(props: { model: MapModel; lastVisit: number | undefined; children?: JSX.Element }) {
  const ui = createMapUi(props.model, { lastVisit: props.lastVisit });
  useShortcuts(ui);
  // Exposed for end-to-end tests and debugging (the model, never the Y.Doc).
  (window as unknown as { buurtweb?: unknown }).buurtweb = { ui };
  return (
    <MapProvider value={ui}>
      <div class="map-app">
        <Header />
        {props.children}
        <Toolbar />
        <FilterBar />
        <div class="map-body">
          {/* The list stays mounted (its scroll and sort) while the review panel is open. */}
          <section class="map-list" aria-label={t().list.title} hidden={ui.reviewOpen()}>
            <ItemList />
          </section>
          <Show when={ui.reviewOpen()}>
            <ReviewPanel />
          </Show>
          <section class="map-canvas" aria-label={t().canvas.title}>
            <GraphCanvas />
            <Legend />
          </section>
          <ItemPanel />
        </div>
        <CreateDialog />
        <LinkDialog />
        <RejectConfirm />
        <SettingsDialog />
        <Notices />
      </div>
    </MapProvider>
  );
}
