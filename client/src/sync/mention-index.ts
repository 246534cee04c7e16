/**
 * Who mentions whom in their notes, kept current from the store's note changes so that
 * "mentioned in" never scans every note.
 */
import type * as Y from 'yjs';
import { noteMentions, noteOf } from '@schema';
import type { GraphStore } from './graph-store';

export class MentionIndex {
  /** Note owner id → ids its note mentions. */
  private readonly outgoing = new Map<string, Set<string>>();
  /** Mentioned id → ids of the items whose notes mention it. */
  private readonly incoming = new Map<string, Set<string>>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly doc: Y.Doc,
    store: GraphStore,
  ) {
    for (const id of store.nodes.keys()) this.reindex(id);
    this.unsubscribe = store.subscribe((c) => {
      for (const id of c.notes) this.reindex(id);
      for (const n of c.nodes.added) this.reindex(n.id);
      for (const id of c.nodes.removed) this.reindex(id);
    });
  }

  private reindex(owner: string): void {
    for (const target of this.outgoing.get(owner) ?? []) this.incoming.get(target)?.delete(owner);
    const note = noteOf(this.doc, owner);
    const targets = new Set(note ? noteMentions(note) : []);
    if (targets.size) this.outgoing.set(owner, targets);
    else this.outgoing.delete(owner);
    for (const target of targets) {
      let set = this.incoming.get(target);
      if (!set) this.incoming.set(target, (set = new Set()));
      set.add(owner);
    }
  }

  /** Ids of items whose notes mention `id`, sorted. */
  mentionedIn(id: string): string[] {
    return [...(this.incoming.get(id) ?? [])].filter((owner) => owner !== id).sort();
  }

  destroy(): void {
    this.unsubscribe();
  }
}
