/** The activity feed's wire format: what `GET /api/activity` returns (newest first). */

/** What happened to an item: proposals and confirmations are their own kinds of change. */
export type ActivityChange =
  'created' | 'proposed' | 'updated' | 'note' | 'verified' | 'confirmed' | 'deleted' | 'settings' | 'erased';

export interface ActivityEntry {
  /** Grows with every entry (a repeat moves its entry to a new seq): `?after=` pages forward, `?before=` back. */
  seq: number;
  /** When the server accepted the change (ms since the epoch); the latest, for a repeated change. */
  at: number;
  /**
   * Repeats of one change — the same person, item, kind of change and fields within ten
   * minutes (typing in a note) — are one entry: how many, and when the first was.
   */
  count: number;
  firstAt: number;
  /** The invite's person (null for changes the server made itself, e.g. migrations). */
  actor: { id: string; name: string } | null;
  /** `node`, `edge`, or `map` for map settings (then `id` is the setting's key). */
  target: 'node' | 'edge' | 'map';
  id: string;
  change: ActivityChange;
  /** Field keys changed, for `updated` (names of fields, never their values). */
  fields: string[];
}

export const ACTIVITY_PAGE = 500;
