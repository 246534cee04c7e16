/**
 * One open map. Opens the session (from the server, or the one cached on this device
 * when offline), the map model, and lays out the views: list (or the review panel) |
 * canvas | item panel. When the server refuses a change from this device (4409), the
 * model has dropped its local copy: the map opens again from the server's state (a new
 * generation) and says why.
 *
 * Each feature owns its state (created by its own createXxxState()); the page creates
 * them for the open map and provides each to the components under it.
 */
import { type Accessor, type Component, type JSX, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type { SessionInfo } from '@schema';
import { t } from '@i18n';
import { type MapModel, openMap } from '@sync/map-model';
import { fetchSession, joinedMap, rememberMap } from '@sync/session';
import { CanvasProvider, GraphCanvas, Legend, TidyConfirm, createCanvasState } from '@map/canvas';
import {
  CreateDialog,
  DialogsProvider,
  type LinkRequest,
  LinkDialog,
  RejectConfirm,
  SettingsDialog,
  createDialogsState,
} from '@map/dialogs';
import { type Filters, FilterBar, FiltersProvider, createFiltersState } from '@map/filters';
import { Header, Notices, ShortcutsDialog, StartAgainNotice, Toolbar, useShortcuts } from '@map/header';
import { ItemList } from '@map/list';
import { ItemPanel } from '@map/panel';
import { ReviewPanel, ReviewProvider, createReviewState, recordVisit } from '@map/review';
import { SearchBox, SearchProvider, createSearchState } from '@map/search';
import { MapProvider, NoticesProvider, createMapCore, createNotices, exposeForTests } from '@map/ui-kit';
import './map.css';

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

export interface MapPageProps {
  mapId: string;
  /** Leaves the map (to the start page), after "remove from this device". */
  onLeave: () => void;
  /** The app's language switch, for the header. */
  languageSwitch: Component;
}

/**
 * What the test build exposes as `window.buurtweb.ui` for end-to-end tests (never in the
 * production bundle, see ui-kit/test-hooks.ts): the model (never the Y.Doc) and a few of
 * the features' actions.
 */
export interface MapHandle {
  model: MapModel;
  focus(id: string): void;
  linking: Accessor<LinkRequest | null>;
  closeLink(): void;
  setFilters(patch: Partial<Filters>): void;
}

export function MapPage(props: MapPageProps) {
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
                <OpenMap
                  model={model}
                  lastVisit={lastVisit}
                  onLeave={props.onLeave}
                  languageSwitch={props.languageSwitch}
                >
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

function OpenMap(props: {
  model: MapModel;
  lastVisit: number | undefined;
  onLeave: () => void;
  languageSwitch: Component;
  children?: JSX.Element;
}) {
  const { model } = props;
  const core = createMapCore(model);
  const notices = createNotices();
  const dialogs = createDialogsState();
  const review = createReviewState(model, notices, { lastVisit: props.lastVisit });
  const filters = createFiltersState(model, review);
  const search = createSearchState(model);
  const canvas = createCanvasState(model);
  useShortcuts({ model, dialogs, review, canvas });
  // Exposed for end-to-end tests and debugging (the model, never the Y.Doc).
  const ui: MapHandle = {
    model,
    focus: core.focus,
    linking: dialogs.linking,
    closeLink: dialogs.closeLink,
    setFilters: filters.setFilters,
  };
  exposeForTests('ui', ui);
  return (
    <MapProvider value={core}>
      <NoticesProvider value={notices}>
        <DialogsProvider value={dialogs}>
          <ReviewProvider value={review}>
            <FiltersProvider value={filters}>
              <SearchProvider value={search}>
                <CanvasProvider value={canvas}>
                  <div class="map-app">
                    <Header onLeave={props.onLeave} languageSwitch={props.languageSwitch} />
                    {props.children}
                    <Toolbar />
                    <FilterBar>
                      <SearchBox />
                    </FilterBar>
                    <div class="map-body">
                      {/* The list stays mounted (its scroll and sort) while the review panel is open. */}
                      <section class="map-list" aria-label={t().list.title} hidden={review.panelOpen()}>
                        <ItemList />
                      </section>
                      <Show when={review.panelOpen()}>
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
                    <TidyConfirm />
                    <ShortcutsDialog />
                    <Notices />
                  </div>
                </CanvasProvider>
              </SearchProvider>
            </FiltersProvider>
          </ReviewProvider>
        </DialogsProvider>
      </NoticesProvider>
    </MapProvider>
  );
}
