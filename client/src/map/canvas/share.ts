/**
 * Sharing automatically computed positions. The person who created an item shares its
 * spot at once; for others' items (imports, the demo map) each editor waits a moment, so
 * that when several have the map open the first one's arrangement is the one everybody
 * keeps instead of all writing their own. Only items the role may move are shared (none
 * for viewers, a contributor's own proposals): other spots stay on this device.
 */
import type { Point } from './placement';

const DEFAULTS = {
  /** How long each editor waits before sharing spots of others' items, ms… */
  graceMs: 1200,
  /** …plus up to this much at random, so two editors who opened the map together rarely write at once. */
  jitterMs: 800,
} as const;

export interface ShareOptions {
  /** Whether this device may write this node's position for everyone. */
  mayShare(id: string): boolean;
  isOwn(id: string): boolean;
  /** Whether the node still exists and still has no shared position. */
  stillUnplaced(id: string): boolean;
  /** Where the node is now on this device. */
  positionOf(id: string): Point | undefined;
  write(positions: Record<string, Point>): void;
}

export function createSharer(opts: ShareOptions) {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const flush = (ids: readonly string[]) => {
    const positions: Record<string, Point> = {};
    let any = false;
    for (const id of ids) {
      const p = opts.stillUnplaced(id) ? opts.positionOf(id) : undefined;
      if (p) {
        positions[id] = p;
        any = true;
      }
    }
    if (any) opts.write(positions);
  };
  const later = (ids: string[], ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      flush(ids);
    }, ms);
    timers.add(timer);
  };
  return {
    /** Shares the positions of freshly placed nodes (never inside the change that brought them). */
    share(ids: readonly string[]): void {
      const allowed = ids.filter((id) => opts.mayShare(id));
      if (!allowed.length) return;
      const own = allowed.filter((id) => opts.isOwn(id));
      const others = allowed.filter((id) => !opts.isOwn(id));
      if (own.length) later(own, 0);
      if (others.length) later(others, DEFAULTS.graceMs + Math.random() * DEFAULTS.jitterMs);
    },
    dispose(): void {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
