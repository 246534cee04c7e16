/**
 * Render windowing for the item list: with many rows only those in (and near) the
 * viewport are in the DOM, between two spacer rows that keep the scroll height right.
 * Small lists are rendered whole, so browser find and screen-reader table reading see
 * every row. Rows have a fixed height (CSS), which makes positions simple arithmetic.
 */

export const DEFAULTS = {
  /** Lists longer than this are windowed. */
  windowFrom: 150,
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
  overscan: 20,
  /** The viewport assumed until the list is measured (list.css fixes the real row height), px. */
  guess: { height: 600, headerHeight: 32, rowHeight: 44 },
} as const;

export interface Viewport {
  scrollTop: number;
  /** Height of the scrolling box. */
  height: number;
  /** Height of the sticky header row above the first row. */
  headerHeight: number;
  rowHeight: number;
}

export interface Range {
  start: number;
  /** Exclusive. */
  end: number;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return (
    a.scrollTop === b.scrollTop &&
    a.height === b.height &&
    a.rowHeight === b.rowHeight &&
    a.headerHeight === b.headerHeight
  );
}

/** The rows to render. */
export function visibleRange(
  count: number,
  v: Viewport,
  overscan: number = DEFAULTS.overscan,
  windowFrom: number = DEFAULTS.windowFrom,
): Range {
  if (count <= windowFrom || v.rowHeight <= 0) return { start: 0, end: count };
  const first = Math.floor(Math.max(0, v.scrollTop - v.headerHeight) / v.rowHeight);
  const last = Math.ceil((v.scrollTop + v.height - v.headerHeight) / v.rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(first, last) + overscan) };
}

/**
 * The scrollTop that shows row `index` fully below the sticky header, or null if it
 * is already shown. `center` puts it in the middle (for jumps from elsewhere).
 */
export function scrollToReveal(index: number, v: Viewport, center = false): number | null {
  const top = v.headerHeight + index * v.rowHeight;
  const bottom = top + v.rowHeight;
  const viewTop = v.scrollTop + v.headerHeight;
  const viewBottom = v.scrollTop + v.height;
  if (top >= viewTop && bottom <= viewBottom) return null;
  if (center) return Math.max(0, top - v.headerHeight - (v.height - v.headerHeight - v.rowHeight) / 2);
  return top < viewTop ? top - v.headerHeight : bottom - v.height;
}
