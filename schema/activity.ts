/** The activity feed's wire format: what `GET /api/activity` returns (newest first). */

/** What happened to an item: proposals and confirmations are their own kinds of change. */
export type ActivityChange =
  'created' | 'proposed' | 'updated' | 'note' | 'verified' | 'confirmed' | 'deleted' | 'settings' | 'erased';

export interface ActivityEntry {
  /** Grows with every entry: `?after=` pages forward from it. */
  seq: number;
  /** When the server accepted the change (ms since the epoch). */
  at: number;
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
