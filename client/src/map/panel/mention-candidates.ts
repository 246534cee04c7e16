/**
 * The items the @-mention list of a note offers for what was typed after the @: labels
 * containing it (folded: "ayse" finds "Ayşe"), those starting with it first, then
 * alphabetical; never the note's own item. Pure over the graph's nodes.
 */
import type { GraphNode } from '@schema';
import type { MentionCandidate } from '@sync/note-editor';
import { fold } from '@map/shared';

const DEFAULTS = {
  /** Items the list offers at most. */
  maxSuggestions: 8,
} as const;

export function mentionCandidates(
  nodes: Iterable<GraphNode>,
  query: string,
  exceptId: string,
  max: number = DEFAULTS.maxSuggestions,
): MentionCandidate[] {
  const q = fold(query.trim());
  const out: MentionCandidate[] = [];
  for (const n of nodes) {
    if (n.id === exceptId) continue;
    const label = fold(n.label);
    if (!q || label.includes(q)) out.push({ id: n.id, label: n.label });
  }
  // Labels starting with the query first, then alphabetical.
  out.sort((a, b) => {
    const sa = fold(a.label).startsWith(q) ? 0 : 1;
    const sb = fold(b.label).startsWith(q) ? 0 : 1;
    return sa - sb || a.label.localeCompare(b.label, 'nl');
  });
  return out.slice(0, max);
}
