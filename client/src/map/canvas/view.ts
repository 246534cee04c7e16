/**
 * The canvas of one open map: Cytoscape created from the store once, then kept in step
 * with every GraphChange, the selection, other people's selections, the filters, the
 * marks (stale, changed since…) and focus requests. Cytoscape draws and reports
 * gestures; every write goes through model.actions, and what comes back from the
 * document is what the canvas shows. Only items the role may change are dragged, placed
 * or tidied for everyone; the rest move on this screen only.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { type Accessor, createEffect, on, untrack } from 'solid-js';
import { EDGE_KIND_DEFS, type EdgeKind } from '@schema';
import { lang, t } from '@i18n';
import type { GraphChange } from '@sync/graph-store';
import type { ActionError, MapModel } from '@sync/map-model';
import type { ChangedSince } from '@map/review';
import { type FocusRequest, exposeForTests } from '@map/ui-kit';
import { batch } from './batch';
import { applyChange, moveTo } from './apply-change';
import { edgeElement, nodeElement } from './elements';
import { computeLayout, qualityFor } from './layout';
import { syncGrab } from './grab';
import { installLinkDrag } from './link-drag';
import { createClassMark } from './marks';
import { type Box, type Point } from './placement';
import { placeUnplaced } from './placer';
import { applyPresence, paintPresence, peerColours } from './presence';
import { syncSelection } from './selection';
import { createSharer } from './share';
import type { CanvasCommands } from './state';
import { stylesheet, withIcons } from './style';
import { createRenderClock } from './render-clock';
import { boxOf, gridBeside, spreadApart } from './tidy-geometry';
import { boundsOf, fit, focusNode, handleKey, viewCentre, zoomIn, zoomOut } from './viewport';
import { applyVisibility } from './visibility';

function boxCentre(box: Box | null): Point {
  return box ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : { x: 0, y: 0 };
}

const DEFAULTS = {
  /** How far out and in the canvas zooms (1 = model units as pixels). */
  minZoom: 0.02,
  maxZoom: 4,
  /** "Tidy up" waits this long (ms) so its notice is painted before the layout holds the thread. */
  tidyDelayMs: 30,
} as const;

export interface CanvasElements {
  container: HTMLDivElement;
  host: HTMLDivElement;
  line: SVGLineElement;
}

/** What the canvas reads and calls of the map page: the model and other features' state. */
export interface CanvasDeps {
  model: MapModel;
  /** Node ids the filters leave visible; null = everything. */
  visible: Accessor<ReadonlySet<string> | null>;
  /** Ids of the items stale now. */
  stale: Accessor<ReadonlySet<string>>;
  /** "What changed since…" once fetched; null while off. */
  changedSince: Accessor<ChangedSince | null>;
  focusRequest: Accessor<FocusRequest | null>;
  /** Opens the "Link to…" dialog (after a drag-to-link). */
  openLink(from: string, to: string): void;
  notify(text: string): void;
  reportError(err: ActionError): void;
  /** Where the canvas registers its commands (fit, zoom, tidy) while it is mounted. */
  attach(commands: CanvasCommands): () => void;
}

export function mountCanvas(deps: CanvasDeps, els: CanvasElements, linkMode: Accessor<boolean>): () => void {
  const { model } = deps;
  const { container } = els;
  const start = performance.now();

  // Filtered-out node ids, kept in step with deps.visible() by applyVisibility.
  const hidden = new Set<string>();
  const isHidden = (id: string) => {
    const visible = untrack(deps.visible);
    const h = visible !== null && !visible.has(id);
    if (h) hidden.add(id);
    return h;
  };

  const elements: ElementDefinition[] = [];
  const initiallyUnplaced: string[] = [];
  for (const n of model.store.nodes.values()) {
    if (!n.position) initiallyUnplaced.push(n.id);
    elements.push(nodeElement(n, n.position ?? { x: 0, y: 0 }, isHidden(n.id) ? 'filtered' : undefined));
  }
  for (const e of model.store.edges.values()) elements.push(edgeElement(e, untrack(lang)));

  let icons = withIcons(model.store.nodes.size);
  const cy = cytoscape({
    container,
    elements,
    style: stylesheet({ icons }),
    // Cytoscape's default first layout is a grid (or all at 0,0 when headless): keep ours.
    layout: { name: 'preset' },
    minZoom: DEFAULTS.minZoom,
    maxZoom: DEFAULTS.maxZoom,
    boxSelectionEnabled: true,
    selectionType: 'single',
    // Viewers look and select; only editors move items (a contributor: see syncGrab).
    autoungrabify: !model.canEdit,
  });
  /** Whether this person may move the node for everyone (a contributor: their own proposals). */
  const mayMove = (id: string) => model.rules.mayChange(model.store.nodes.get(id));
  const perItemGrab = model.canEdit && !model.rules.changesAll;
  if (perItemGrab) syncGrab(cy, model.store.nodes.keys(), mayMove);
  // For end-to-end tests and the browser benchmark, in the test build only.
  exposeForTests('cy', cy);

  const clock = createRenderClock(cy, container);
  let fitted = false;

  const sharer = createSharer({
    mayShare: mayMove,
    isOwn: (id) => model.store.nodes.get(id)?.provenance.createdBy?.id === model.session.actor.id,
    stillUnplaced: (id) => {
      const n = model.store.nodes.get(id);
      return !!n && !n.position;
    },
    positionOf: (id) => {
      const n = cy.getElementById(id);
      return n.nonempty() ? { ...n.position() } : undefined;
    },
    write: (positions) => {
      const began = performance.now();
      const r = model.actions.placeNodes(positions);
      if (!r.ok) deps.reportError(r.error);
      performance.measure('buurtweb:share', { start: began, detail: { nodes: Object.keys(positions).length } });
    },
  });

  /** Where unlinked newcomers go: the middle of the view, or of the map before the first fit. */
  const centre = (): Point => {
    if (fitted) return viewCentre(cy);
    const placed = cy.nodes().filter((n) => !!model.store.nodes.get(n.id())?.position);
    if (placed.empty()) return { x: 0, y: 0 };
    const bb = placed.boundingBox();
    return { x: bb.x1 + bb.w / 2, y: bb.y1 + bb.h / 2 };
  };

  const place = (ids: string[]) => {
    if (!ids.length) return;
    const began = performance.now();
    const positions = placeUnplaced(cy, ids, { neighbours: (id) => model.store.neighbours(id), centre: centre() });
    performance.measure('buurtweb:placement', { start: began, detail: { nodes: ids.length } });
    // New items jump to their spot: nobody has seen them parked.
    batch(cy, () => {
      for (const [id, p] of positions) cy.getElementById(id).position(p);
    });
    sharer.share([...positions.keys()]);
  };

  const firstFit = () => {
    if (fitted || cy.nodes().empty()) return;
    fit(cy, false);
    fitted = true;
  };

  place(initiallyUnplaced);
  firstFit();
  clock.changed(start);

  const selection = syncSelection(cy, model);
  const staleMark = createClassMark(cy, 'stale');
  const changedMark = createClassMark(cy, 'changed-since');
  let presence = new Map<string, string[]>();

  const touchesGraph = (c: GraphChange) =>
    c.nodes.added.length + c.nodes.updated.length + c.nodes.removed.length > 0 ||
    c.edges.added.length + c.edges.updated.length + c.edges.removed.length > 0;

  const unsubscribe = model.subscribe((change) => {
    if (!touchesGraph(change)) return;
    const began = performance.now();
    const r = applyChange(cy, change, { lang: untrack(lang), isHidden, parking: untrack(centre) });
    for (const id of change.nodes.removed) hidden.delete(id);
    const arrived = [...change.nodes.added.map((n) => n.id), ...change.edges.added.map((e) => e.id)];
    staleMark.added(arrived);
    changedMark.added(arrived);
    if (perItemGrab)
      syncGrab(
        cy,
        [...change.nodes.added, ...change.nodes.updated].map((n) => n.id),
        mayMove,
      );
    place(r.unplaced);
    if (change.nodes.added.length) {
      selection.reconcile();
      paintPresence(
        cy,
        presence,
        change.nodes.added.map((n) => n.id),
      );
    }
    // Crossing the size where pictograms get too costly: one restyle, not one per change.
    if (icons !== withIcons(cy.nodes().length)) {
      icons = !icons;
      cy.style(stylesheet({ icons }));
    }
    firstFit();
    performance.measure('buurtweb:apply', { start: began, detail: { nodes: cy.nodes().length } });
    clock.changed(began);
  });

  createEffect(() => applyVisibility(cy, hidden, deps.visible()));
  createEffect(() => staleMark.set(deps.stale()));
  createEffect(() => {
    const s = deps.changedSince();
    changedMark.set(s ? new Set([...s.nodes, ...s.edges]) : new Set());
  });
  createEffect(() => {
    const next = peerColours(model.peers());
    applyPresence(cy, presence, next);
    presence = next;
  });
  createEffect(
    on(
      deps.focusRequest,
      (req) => {
        const n = req ? cy.getElementById(req.id) : undefined;
        if (n?.nonempty() && !n.hasClass('filtered')) focusNode(cy, n);
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      lang,
      (l) =>
        batch(cy, () => {
          cy.edges().forEach((e) => void e.data('label', EDGE_KIND_DEFS[e.data('kind') as EdgeKind].label[l]));
        }),
      { defer: true },
    ),
  );

  // A finished drag is one undoable move of every node that moved with it.
  let dragged: Record<string, Point> | null = null;
  cy.on('dragfree', 'node', (evt) => {
    const n = evt.target as cytoscape.NodeSingular;
    if (!dragged) {
      dragged = {};
      queueMicrotask(() => {
        const positions = dragged!;
        dragged = null;
        const r = model.actions.moveNodes(positions);
        if (!r.ok) deps.reportError(r.error);
      });
    }
    dragged[n.id()] = { ...n.position() };
  });

  const removeLinkDrag = installLinkDrag({
    cy,
    host: els.host,
    line: els.line,
    linkMode,
    canEdit: model.canEdit,
    onLink: (from, to) => deps.openLink(from, to),
  });

  let tidying = false;
  /**
   * "Tidy up" `ids` (default: everything): the linked ones by fcose, those linked to none
   * of the others in a grid beside them (fcose piles them into one spot), then anything
   * still on top of another pushed apart. Shared as ONE undoable move (origin `ui`) where
   * the role may move the item; the rest moves on this screen only.
   */
  const tidy = (ids?: readonly string[]) => {
    const only = ids && new Set(ids);
    const chosen = only ? cy.nodes().filter((n) => only.has(n.id())) : cy.nodes();
    if (tidying || chosen.empty()) return;
    tidying = true;
    deps.notify(t().canvas.tidying);
    // Let the notice paint before the layout holds the main thread.
    setTimeout(() => {
      try {
        const positions = arrange(chosen);
        const movable = ([id]: [string, Point]) => model.canEdit && mayMove(id);
        const shared = [...positions].filter(movable);
        if (shared.length) {
          const r = model.actions.moveNodes(Object.fromEntries(shared));
          if (!r.ok) deps.reportError(r.error);
          else deps.notify(t().canvas.tidied);
        }
        const local = [...positions].filter((e) => !movable(e));
        moveTo(
          cy,
          local.map(([id, p]) => [cy.getElementById(id), p]),
        );
        fit(cy, true, boundsOf(chosen.length === cy.nodes().length ? positions.values() : allPositions(positions)));
      } finally {
        tidying = false;
      }
    }, DEFAULTS.tidyDelayMs);
  };

  /** New positions for `chosen` (see tidy). */
  const arrange = (chosen: cytoscape.NodeCollection): Map<string, Point> => {
    const within = chosen.edgesWith(chosen);
    const linked = within.connectedNodes();
    const label = (n: cytoscape.NodeSingular) => String(n.data('label') ?? '');
    const unlinked = chosen
      .difference(linked)
      .nodes()
      .toArray()
      .sort((a, b) => label(a).localeCompare(label(b)));
    const out = linked.nonempty() ? computeLayout(linked, qualityFor(linked.length)) : new Map<string, Point>();
    const others = cy.nodes().difference(chosen).nodes();
    // Beside the new arrangement; with nothing linked, beside the items not tidied.
    const rest = boxOf(out.values()) ?? boxOf(others.map((n) => n.position()));
    const centre = boxCentre(boxOf(unlinked.map((n) => n.position())));
    gridBeside(unlinked.length, rest, centre).forEach((p, i) => out.set(unlinked[i]!.id(), p));
    return spreadApart(out);
  };

  /** Where every node will be: `moved` over the current positions. */
  const allPositions = (moved: ReadonlyMap<string, Point>): Point[] =>
    cy.nodes().map((n) => moved.get(n.id()) ?? { ...n.position() });

  const detach = deps.attach({ fit: () => fit(cy), zoomIn: () => zoomIn(cy), zoomOut: () => zoomOut(cy), tidy });

  const onKey = (e: KeyboardEvent) => {
    if (e.target === container && handleKey(cy, e)) e.preventDefault();
  };
  container.addEventListener('keydown', onKey);

  return () => {
    unsubscribe();
    sharer.dispose();
    selection.dispose();
    removeLinkDrag();
    container.removeEventListener('keydown', onKey);
    detach();
    clock.dispose();
    cy.destroy();
  };
}
