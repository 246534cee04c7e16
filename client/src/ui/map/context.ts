/**
 * The state one open map shares among its views (canvas, list, panel, dialogs): the
 * model, filters, what to show, focus requests and messages. Views get it with useMap().
 */
import { type Accessor, createContext, createMemo, createSignal, useContext } from 'solid-js';
import type { NodeKind } from '../../../../schema/index.js';
import { t } from '../../i18n';
import type { ActionError, MapModel } from '../../sync/map-model';
import { type Filters, NO_FILTERS, visibleIds } from './filtering';

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

export interface MapUi {
  model: MapModel;
  filters: Accessor<Filters>;
  setFilters(patch: Partial<Filters>): void;
  /** Node ids to show; null = everything. */
  visible: Accessor<Set<string> | null>;
  /** Selects one item and asks every view to bring it into view. */
  focus(id: string): void;
  /** The latest focus request (seq grows with each), for views to follow. */
  focusRequest: Accessor<{ id: string; seq: number } | null>;
  notices: Accessor<Notice[]>;
  notify(text: string, kind?: 'info' | 'error'): void;
  /** Shows why an operation was refused. */
  reportError(err: ActionError): void;
  /** The kind being created in the create dialog, or null when it is closed. */
  creating: Accessor<NodeKind | null>;
  openCreate(kind: NodeKind): void;
  closeCreate(): void;
  /** The "Link to…" dialog: the item it starts from and, if known (drag-to-link), the target. */
  linking: Accessor<{ from: string; to?: string } | null>;
  openLink(fromId: string, toId?: string): void;
  closeLink(): void;
  /** Canvas commands, registered by the canvas when it mounts. */
  canvas: { fit?: () => void; tidy?: () => void; zoomIn?: () => void; zoomOut?: () => void };
}

const MapContext = createContext<MapUi>();
export const MapProvider = MapContext.Provider;

export function useMap(): MapUi {
  const ui = useContext(MapContext);
  if (!ui) throw new Error('useMap() outside a map page');
  return ui;
}

export function createMapUi(model: MapModel): MapUi {
  const [filters, setFiltersSignal] = createSignal<Filters>(NO_FILTERS);
  const [focusRequest, setFocusRequest] = createSignal<{ id: string; seq: number } | null>(null);
  const [notices, setNotices] = createSignal<Notice[]>([]);
  const [creating, setCreating] = createSignal<NodeKind | null>(null);
  const [linking, setLinking] = createSignal<{ from: string; to?: string } | null>(null);
  let seq = 0;
  let noticeId = 0;

  const visible = createMemo(() => {
    model.version();
    return visibleIds(model.store, filters(), model.selection());
  });

  const notify = (text: string, kind: 'info' | 'error' = 'info') => {
    const id = ++noticeId;
    setNotices((n) => [...n.slice(-3), { id, text, kind }]);
    setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 8000 : 4000);
  };

  return {
    model,
    filters,
    setFilters: (patch) => setFiltersSignal((f) => ({ ...f, ...patch })),
    visible,
    focus(id) {
      model.setSelection([id]);
      setFocusRequest({ id, seq: ++seq });
    },
    focusRequest,
    notices,
    notify,
    reportError: (err) => notify(t().errors[err.code] ?? err.message, 'error'),
    creating,
    openCreate: (kind) => setCreating(kind),
    closeCreate: () => setCreating(null),
    linking,
    openLink: (from, to) => setLinking(to ? { from, to } : { from }),
    closeLink: () => setLinking(null),
    canvas: {},
  };
}
