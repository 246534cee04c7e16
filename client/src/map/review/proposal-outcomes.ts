/**
 * What became of a contributor's proposals while they have the map open: confirmed by an
 * editor, or rejected (removed by someone else). Pure over the graph store's changes;
 * their own deletions and undo are not outcomes.
 */
import type { GraphEdge, GraphNode } from '@schema';
import type { GraphChange } from '@sync/graph-store';
import { edgeEnds } from './activity-filter';

export interface Outcome {
  target: 'node' | 'edge';
  id: string;
  /** The item's label (a link's sentence) as it was. */
  label: string;
  result: 'confirmed' | 'rejected';
  /** Who confirmed it, when known. */
  by?: string;
}

export interface OutcomeLabels {
  node(n: GraphNode): string;
  edge(e: GraphEdge): string;
}

export class OutcomeTracker {
  /** Own open proposals: key (`n:` / `e:` + id) → what they are called. */
  private readonly open = new Map<string, { target: 'node' | 'edge'; id: string; label: string }>();

  constructor(
    private readonly actorId: string,
    private readonly labels: OutcomeLabels,
  ) {}

  /** Starts from what the map holds now. */
  seed(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>): void {
    for (const n of nodes) this.see('node', n);
    for (const e of edges) this.see('edge', e);
  }

  /** The outcomes this change brings (and keeps track of the rest). */
  apply(change: GraphChange): Outcome[] {
    const out: Outcome[] = [];
    for (const n of [...change.nodes.added, ...change.nodes.updated]) {
      const o = this.see('node', n);
      if (o) out.push(o);
    }
    for (const e of [...change.edges.added, ...change.edges.updated]) {
      const o = this.see('edge', e);
      if (o) out.push(o);
    }
    const gone = new Set(change.nodes.removed);
    const removed = (target: 'node' | 'edge', id: string) => {
      const key = `${target === 'node' ? 'n' : 'e'}:${id}`;
      const was = this.open.get(key);
      if (!was) return;
      this.open.delete(key);
      if (change.local) return;
      // A link that went with its item is part of that item's outcome.
      const ends = target === 'edge' ? edgeEnds(id) : undefined;
      if (ends && (gone.has(ends.from) || gone.has(ends.to))) return;
      out.push({ target, id, label: was.label, result: 'rejected' });
    };
    for (const id of change.nodes.removed) removed('node', id);
    for (const id of change.edges.removed) removed('edge', id);
    return out;
  }

  private see(target: 'node' | 'edge', item: GraphNode | GraphEdge): Outcome | undefined {
    const key = `${target === 'node' ? 'n' : 'e'}:${item.id}`;
    const p = item.provenance;
    const label = target === 'node' ? this.labels.node(item as GraphNode) : this.labels.edge(item as GraphEdge);
    if (p.status === 'proposed' && p.createdBy?.id === this.actorId) {
      this.open.set(key, { target, id: item.id, label });
      return undefined;
    }
    if (!this.open.delete(key) || p.status !== 'confirmed') return undefined;
    return { target, id: item.id, label, result: 'confirmed', ...(p.verifiedBy ? { by: p.verifiedBy.name } : {}) };
  }
}
