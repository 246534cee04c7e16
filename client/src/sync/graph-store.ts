/**
 * The derived, read-only graph the UI reads, kept up to date incrementally: each Yjs
 * transaction re-reads only the items it touched (never the whole document), and
 * listeners get the difference — added, updated, removed — to apply in one batch.
 * It agrees with `readGraph(doc)` at all times (tested in test/unit/graph-store.test.ts).
 */
import * as Y from 'yjs';
import {
  type GraphEdge,
  type GraphNode,
  type Problem,
  edgeKey,
  edgesMap,
  metaMap,
  nodesMap,
  readEdge,
  readNode,
  docSchemaVersion,
  DEFAULT_FRESHNESS_MONTHS,
  readFreshnessMonths,
} from '@schema';

export interface GraphChange {
  nodes: { added: GraphNode[]; updated: GraphNode[]; removed: string[] };
  edges: { added: GraphEdge[]; updated: GraphEdge[]; removed: string[] };
  /** Node ids whose note changed (notes are not part of GraphNode). */
  notes: string[];
  meta: boolean;
  /** Made on this device (its own operations, undo) rather than received from others. */
  local: boolean;
}

export type GraphListener = (change: GraphChange) => void;

export class GraphStore {
  /** Shown nodes and edges. Objects are replaced, never mutated, when an item changes. */
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /** Valid edges, including duplicates hidden behind the smallest id of their key. */
  private readonly valid = new Map<string, GraphEdge>();
  private readonly byKey = new Map<string, Set<string>>();
  /** Raw edge ids by endpoint id (valid or not): what to re-check when a node comes or goes. */
  private readonly byEndpoint = new Map<string, Set<string>>();
  private readonly rawEnds = new Map<string, [unknown, unknown]>();
  private readonly nodeProblems = new Map<string, Problem[]>();
  private readonly edgeProblems = new Map<string, Problem[]>();
  /** Valid edges hidden behind another with the same identity. */
  private readonly duplicateProblems = new Map<string, Problem>();
  private readonly listeners = new Set<GraphListener>();
  private readonly onNodes: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void;
  private readonly onEdges: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void;
  private readonly onMeta: () => void;
  private readonly onAfterTransaction: (tr: Y.Transaction) => void;
  private dirtyNodes = new Set<string>();
  private dirtyEdges = new Set<string>();
  private dirtyNotes = new Set<string>();
  private dirtyMeta = false;
  name = '';
  schemaVersion = 0;
  freshnessMonths = DEFAULT_FRESHNESS_MONTHS;

  constructor(private readonly doc: Y.Doc) {
    const nodes = nodesMap(doc);
    const edges = edgesMap(doc);
    this.onNodes = (events) => {
      for (const e of events) {
        if (e.target === nodes) for (const k of (e as Y.YMapEvent<unknown>).keysChanged) this.dirtyNodes.add(k);
        else {
          const id = e.path[0];
          if (typeof id !== 'string') continue;
          // Changes inside the note fragment are note edits, not field edits.
          if (e.path.length > 1 && e.path[1] === 'note') this.dirtyNotes.add(id);
          else if (e.target instanceof Y.Map && e.path.length === 1) {
            if ((e as Y.YMapEvent<unknown>).keysChanged.has('note')) this.dirtyNotes.add(id);
            this.dirtyNodes.add(id);
          } else this.dirtyNotes.add(id);
        }
      }
    };
    this.onEdges = (events) => {
      for (const e of events) {
        if (e.target === edges) for (const k of (e as Y.YMapEvent<unknown>).keysChanged) this.dirtyEdges.add(k);
        else if (typeof e.path[0] === 'string') this.dirtyEdges.add(e.path[0]);
      }
    };
    this.onMeta = () => {
      this.dirtyMeta = true;
    };
    this.onAfterTransaction = (tr) => this.flush(tr.local);
    nodes.observeDeep(this.onNodes);
    edges.observeDeep(this.onEdges);
    metaMap(doc).observe(this.onMeta);
    doc.on('afterTransaction', this.onAfterTransaction);
    // Initial read: everything is dirty once.
    for (const id of nodes.keys()) this.dirtyNodes.add(id);
    for (const id of edges.keys()) this.dirtyEdges.add(id);
    this.dirtyMeta = true;
    this.flush();
  }

  subscribe(listener: GraphListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  problems(): Problem[] {
    return [...this.nodeProblems.values(), ...this.edgeProblems.values(), ...this.duplicateProblems.values()].flat();
  }

  /** Neighbour ids of a node (through shown edges). */
  neighbours(id: string): Set<string> {
    const out = new Set<string>();
    for (const edgeId of this.byEndpoint.get(id) ?? []) {
      const e = this.edges.get(edgeId);
      if (e) out.add(e.from === id ? e.to : e.from);
    }
    return out;
  }

  /** Shown edges touching a node. */
  edgesOf(id: string): GraphEdge[] {
    const out: GraphEdge[] = [];
    for (const edgeId of this.byEndpoint.get(id) ?? []) {
      const e = this.edges.get(edgeId);
      if (e) out.push(e);
    }
    return out;
  }

  private flush(local = true): void {
    if (!this.dirtyNodes.size && !this.dirtyEdges.size && !this.dirtyNotes.size && !this.dirtyMeta) return;
    const change: GraphChange = {
      nodes: { added: [], updated: [], removed: [] },
      edges: { added: [], updated: [], removed: [] },
      notes: [...this.dirtyNotes],
      meta: this.dirtyMeta,
      local,
    };
    const nodes = nodesMap(this.doc);
    const edges = edgesMap(this.doc);
    const dirtyNodes = this.dirtyNodes;
    const dirtyEdges = this.dirtyEdges;
    this.dirtyNodes = new Set();
    this.dirtyEdges = new Set();
    this.dirtyNotes = new Set();

    if (this.dirtyMeta) {
      this.dirtyMeta = false;
      const name = metaMap(this.doc).get('name');
      this.name = typeof name === 'string' ? name : '';
      this.schemaVersion = docSchemaVersion(this.doc);
      this.freshnessMonths = readFreshnessMonths(metaMap(this.doc).get('freshnessMonths'));
    }

    for (const id of dirtyNodes) {
      const problems: Problem[] = [];
      const before = this.nodes.get(id);
      const after = nodes.has(id) ? readNode(id, nodes.get(id), problems) : undefined;
      if (problems.length) this.nodeProblems.set(id, problems);
      else this.nodeProblems.delete(id);
      if (after) {
        this.nodes.set(id, after);
        (before ? change.nodes.updated : change.nodes.added).push(after);
      } else if (before) {
        this.nodes.delete(id);
        change.nodes.removed.push(id);
      }
      // A node that came or went changes whether its edges can be shown.
      if (!before !== !after) for (const e of this.byEndpoint.get(id) ?? []) dirtyEdges.add(e);
    }

    const dirtyKeys = new Set<string>();
    for (const id of dirtyEdges) {
      // Keep the endpoint index of raw edges current.
      const oldEnds = this.rawEnds.get(id);
      const raw = edges.get(id);
      const ends: [unknown, unknown] | undefined = raw instanceof Y.Map ? [raw.get('from'), raw.get('to')] : undefined;
      if (oldEnds) for (const n of oldEnds) if (typeof n === 'string') this.byEndpoint.get(n)?.delete(id);
      if (ends) {
        this.rawEnds.set(id, ends);
        for (const n of ends) {
          if (typeof n !== 'string') continue;
          let set = this.byEndpoint.get(n);
          if (!set) this.byEndpoint.set(n, (set = new Set()));
          set.add(id);
        }
      } else this.rawEnds.delete(id);

      const problems: Problem[] = [];
      const before = this.valid.get(id);
      const after = raw === undefined ? undefined : readEdge(id, raw, this.nodes, problems);
      if (problems.length) this.edgeProblems.set(id, problems);
      else this.edgeProblems.delete(id);
      if (before) {
        const k = edgeKey(before);
        this.byKey.get(k)?.delete(id);
        dirtyKeys.add(k);
      }
      if (after) {
        const k = edgeKey(after);
        let set = this.byKey.get(k);
        if (!set) this.byKey.set(k, (set = new Set()));
        set.add(id);
        this.valid.set(id, after);
        dirtyKeys.add(k);
      } else {
        this.valid.delete(id);
        this.duplicateProblems.delete(id);
      }
      // Shown-ness is settled per key below; remember this id may have changed.
      if (this.edges.has(id) && !after) {
        this.edges.delete(id);
        change.edges.removed.push(id);
      } else if (this.edges.has(id) && after) {
        this.edges.set(id, after);
        change.edges.updated.push(after);
      }
    }
    // Per link identity, show the valid edge with the smallest id (the same on every device).
    for (const k of dirtyKeys) {
      const ids = [...(this.byKey.get(k) ?? [])].sort();
      if (!ids.length) this.byKey.delete(k);
      const winner = ids[0];
      for (const id of ids.slice(1)) {
        if (this.edges.delete(id)) change.edges.removed.push(id);
        this.duplicateProblems.set(id, { where: `edges/${id}`, code: 'duplicateEdge', detail: winner });
      }
      if (winner) this.duplicateProblems.delete(winner);
      if (winner && !this.edges.has(winner)) {
        const e = this.valid.get(winner)!;
        this.edges.set(winner, e);
        change.edges.added.push(e);
      }
    }
    for (const l of this.listeners) l(change);
  }

  destroy(): void {
    nodesMap(this.doc).unobserveDeep(this.onNodes);
    edgesMap(this.doc).unobserveDeep(this.onEdges);
    metaMap(this.doc).unobserve(this.onMeta);
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.listeners.clear();
  }
}
