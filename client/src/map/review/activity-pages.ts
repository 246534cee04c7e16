/**
 * The activity feed's pages, pure: the newest page, pages forward (`after`) while the
 * tab is open and pages back (`before`) on request, merged into one list, newest first.
 *
 * The server counts repeats of one change as one entry and moves it to a new seq at each
 * repeat (schema/activity.ts), so a page forward can hold a newer copy of an entry
 * already shown: the copy with the higher seq replaces the other.
 */
import type { ActivityEntry } from '@schema';

/** What makes entries repeats of one change: the same person, item, kind of change and fields. */
export function runKey(e: ActivityEntry): string {
  return JSON.stringify([e.actor?.id ?? null, e.target, e.id, e.change, e.fields]);
}

/**
 * Whether `newer` is a later copy of `older`: the same change by the same person, counted
 * again (a higher count), its run begun no later than `older` ended. Changes that are not
 * counted (each confirmation is its own) and a run begun after `older` ended (past the
 * server's window) are entries of their own.
 */
export function supersedes(newer: ActivityEntry, older: ActivityEntry): boolean {
  return (
    newer.seq > older.seq &&
    newer.count > older.count &&
    runKey(newer) === runKey(older) &&
    (newer.firstAt ?? newer.at) <= older.at
  );
}

/**
 * The entries of both lists, newest first, each once: by seq, and an older copy of a
 * repeated change dropped for its newer one. At most `max` (the oldest are left off).
 */
export function mergePages(
  a: readonly ActivityEntry[],
  b: readonly ActivityEntry[],
  max = Number.POSITIVE_INFINITY,
): ActivityEntry[] {
  const bySeq = new Map<number, ActivityEntry>();
  for (const e of [...a, ...b]) bySeq.set(e.seq, e);
  const out: ActivityEntry[] = [];
  /** runKey → the entries kept with it (a key may repeat after the window). */
  const kept = new Map<string, ActivityEntry[]>();
  for (const e of [...bySeq.values()].sort((x, y) => y.seq - x.seq)) {
    const key = runKey(e);
    const same = kept.get(key);
    if (same?.some((n) => supersedes(n, e))) continue;
    if (same) same.push(e);
    else kept.set(key, [e]);
    out.push(e);
    if (out.length >= max) break;
  }
  return out;
}

/** The seq to page back from (`?before=`): the oldest shown, or undefined for none. */
export function oldestSeq(entries: readonly ActivityEntry[]): number | undefined {
  let min: number | undefined;
  for (const e of entries) if (min === undefined || e.seq < min) min = e.seq;
  return min;
}

/** Whether the server may hold more than it returned: the page came back full. */
export function pageWasFull(returned: number, pageSize: number): boolean {
  return returned >= pageSize;
}

/** Only the entries of changes made at or after `since` (the last repeat counts). */
export function entriesSince(entries: readonly ActivityEntry[], since: number | null): readonly ActivityEntry[] {
  return since === null ? entries : entries.filter((e) => e.at >= since);
}
