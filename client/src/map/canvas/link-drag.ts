/**
 * Drag-to-link: with Shift held (or in link mode) a drag from one item to another
 * proposes a link between them; a dashed line follows the pointer meanwhile. Handled
 * before Cytoscape sees the events, because Cytoscape would otherwise move the item or
 * start a box selection. A Shift-click without a drag still adds to the selection.
 */
import type { Core, NodeSingular } from 'cytoscape';

export interface LinkDragOptions {
  cy: Core;
  /** The element around Cytoscape's container; its capture phase runs first. */
  host: HTMLElement;
  line: SVGLineElement;
  /** Link mode is on (the toolbar toggle): a plain drag links. */
  linkMode(): boolean;
  canEdit: boolean;
  onLink(from: string, to: string): void;
}

const DEFAULTS = {
  /** Pointer travel (px) below which a press counts as a click, as in Cytoscape. */
  clickSlop: 5,
  /** How far beyond an item's box (model units) a press or a drop still hits it. */
  hitMargin: 2,
} as const;

/** The visible node under a point of the page, if any. */
export function nodeAt(cy: Core, clientX: number, clientY: number): NodeSingular | undefined {
  const rect = cy.container()!.getBoundingClientRect();
  const zoom = cy.zoom();
  const pan = cy.pan();
  const x = (clientX - rect.left - pan.x) / zoom;
  const y = (clientY - rect.top - pan.y) / zoom;
  let hit: NodeSingular | undefined;
  // Topmost wins: later elements are drawn above earlier ones.
  cy.nodes().forEach((n) => {
    if (n.hasClass('filtered')) return;
    const p = n.position();
    const hw = n.width() / 2 + DEFAULTS.hitMargin;
    const hh = n.height() / 2 + DEFAULTS.hitMargin;
    if (x >= p.x - hw && x <= p.x + hw && y >= p.y - hh && y <= p.y + hh) hit = n;
  });
  return hit;
}

export function installLinkDrag(opts: LinkDragOptions): () => void {
  const { cy, host, line } = opts;
  let source: NodeSingular | undefined;
  let target: NodeSingular | undefined;
  let start = { x: 0, y: 0 };
  let moved = false;
  let frame = 0;

  const local = (e: MouseEvent) => {
    const r = host.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const setTarget = (n: NodeSingular | undefined) => {
    if (n === target) return;
    target?.removeClass('link-target');
    target = n && n !== source ? n : undefined;
    target?.addClass('link-target');
  };

  const end = () => {
    cancelAnimationFrame(frame);
    source?.removeClass('link-source');
    setTarget(undefined);
    source = undefined;
    line.style.display = 'none';
    host.classList.remove('linking');
    window.removeEventListener('mousemove', onMove, true);
    window.removeEventListener('mouseup', onUp, true);
    window.removeEventListener('keydown', onKey, true);
  };

  const onDown = (e: MouseEvent) => {
    if (!opts.canEdit || e.button !== 0 || !(e.shiftKey || opts.linkMode())) return;
    const n = nodeAt(cy, e.clientX, e.clientY);
    if (!n) return; // Shift-drag on the background stays Cytoscape's box selection.
    e.stopPropagation();
    e.preventDefault();
    (host.querySelector('[tabindex]') as HTMLElement | null)?.focus({ preventScroll: true });
    source = n;
    moved = false;
    start = { x: e.clientX, y: e.clientY };
    n.addClass('link-source');
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('mouseup', onUp, true);
    window.addEventListener('keydown', onKey, true);
  };

  const onMove = (e: MouseEvent) => {
    e.stopPropagation();
    if (!source) return;
    if (!moved && Math.hypot(e.clientX - start.x, e.clientY - start.y) < DEFAULTS.clickSlop) return;
    moved = true;
    host.classList.add('linking');
    const from = source.renderedPosition();
    const to = local(e);
    line.setAttribute('x1', String(from.x));
    line.setAttribute('y1', String(from.y));
    line.setAttribute('x2', String(to.x));
    line.setAttribute('y2', String(to.y));
    line.style.display = '';
    cancelAnimationFrame(frame);
    const { clientX, clientY } = e;
    frame = requestAnimationFrame(() => setTarget(nodeAt(cy, clientX, clientY)));
  };

  const onUp = (e: MouseEvent) => {
    e.stopPropagation();
    const from = source;
    if (!from) return end();
    if (!moved) {
      // A click: what Cytoscape would have done with it.
      if (e.shiftKey) {
        if (from.selected()) from.unselect();
        else from.select();
      } else {
        cy.nodes(':selected').unselect();
        from.select();
      }
      return end();
    }
    const to = nodeAt(cy, e.clientX, e.clientY);
    end();
    if (to && to !== from) opts.onLink(from.id(), to.id());
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      end();
    }
  };

  host.addEventListener('mousedown', onDown, true);
  return () => {
    end();
    host.removeEventListener('mousedown', onDown, true);
  };
}
