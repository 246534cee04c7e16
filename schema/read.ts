/**
 * The read side: a document (ours, an older one, or a foreign tool's) parsed into a
 * typed graph plus a list of problems. It never throws on what it finds: whatever it
 * can't validate is left out and reported.
 */
import * as Y from 'yjs';
import { type Actor, type ItemStatus, NODE_ID_RE, SCHEMA_VERSION, edgesMap, metaMap, nodesMap } from './doc.js';
import { EDGE_KIND_DEFS, type EdgeKind, edgeAllowed, isEdgeKind } from './edges.js';
import { type FieldDef, type FieldValue, validateField } from './fields.js';
import { NODE_KIND_DEFS, type NodeKind, isNodeKind } from './kinds.js';
import { readFreshnessMonths } from './freshness.js';
import { docSchemaVersion } from './migrations.js';
import { LABEL_MAX, edgeIdFor } from './ops.js';

/** A short description of a foreign value for a problem report; never throws. */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 100);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

export interface Provenance {
  createdBy?: Actor;
  createdAt?: number;
  updatedBy?: Actor;
  updatedAt?: number;
  verifiedBy?: Actor;
  verifiedAt?: number;
  status: ItemStatus;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  fields: Record<string, FieldValue>;
  position?: { x: number; y: number };
  provenance: Provenance;
  /** Who recorded a resident's consent (stamped by the operation that set it). */
  consentBy?: Actor;
}

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
  fields: Record<string, FieldValue>;
  provenance: Provenance;
}

export type ProblemCode =
  | 'notAMap'
  | 'unknownKind'
  | 'badId'
  | 'badLabel'
  | 'missingField'
  | 'invalidField'
  | 'danglingEdge'
  | 'kindNotAllowed'
  | 'duplicateEdge'
  | 'newerSchema';

export interface Problem {
  /** `nodes/<id>`, `edges/<id>` or `meta`. */
  where: string;
  code: ProblemCode;
  detail?: string;
}

export interface Graph {
  schemaVersion: number;
  name: string;
  /** The map's freshness period in months (see freshness.ts). */
  freshnessMonths: number;
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  problems: Problem[];
}

function readActor(v: unknown): Actor | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { id, name } = v as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : undefined;
}

function readProvenance(m: Y.Map<unknown>): Provenance {
  const num = (k: string): number | undefined => {
    const v = m.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const p: Provenance = { status: m.get('status') === 'proposed' ? 'proposed' : 'confirmed' };
  const set = <K extends keyof Provenance>(k: K, v: Provenance[K] | undefined): void => {
    if (v !== undefined) p[k] = v;
  };
  set('createdBy', readActor(m.get('createdBy')));
  set('createdAt', num('createdAt'));
  set('updatedBy', readActor(m.get('updatedBy')));
  set('updatedAt', num('updatedAt'));
  set('verifiedBy', readActor(m.get('verifiedBy')));
  set('verifiedAt', num('verifiedAt'));
  return p;
}

/**
 * Reads a kind's fields, keeping the valid ones. A missing required field is reported
 * but does not hide the item (a foreign tool may not know it); an invalid value is dropped.
 */
function readFields(where: string, m: Y.Map<unknown>, defs: Record<string, FieldDef>, problems: Problem[]) {
  const fields: Record<string, FieldValue> = {};
  for (const [key, def] of Object.entries(defs)) {
    // Contact details are read from the protected document only: a copy in the map
    // document (an older or foreign client's) is never shown.
    if (def.protected) continue;
    const raw = m.get(key);
    if (raw === undefined) {
      if (def.required) problems.push({ where, code: 'missingField', detail: key });
      continue;
    }
    const r = validateField({ ...def, required: false }, raw);
    if (r.ok && r.value !== undefined) fields[key] = r.value;
    else if (!r.ok) problems.push({ where, code: 'invalidField', detail: key });
  }
  return fields;
}

/** Reads one node map; `undefined` (with a problem) if it can't be shown. */
export function readNode(id: string, value: unknown, problems: Problem[]): GraphNode | undefined {
  const where = `nodes/${id}`;
  if (!NODE_ID_RE.test(id)) return void problems.push({ where, code: 'badId' });
  if (!(value instanceof Y.Map)) return void problems.push({ where, code: 'notAMap' });
  const m = value as Y.Map<unknown>;
  const kind = m.get('kind');
  if (!isNodeKind(kind)) return void problems.push({ where, code: 'unknownKind', detail: describe(kind) });
  const label = m.get('label');
  if (typeof label !== 'string' || label.trim() === '') return void problems.push({ where, code: 'badLabel' });
  const node: GraphNode = {
    id,
    kind,
    label: label.length > LABEL_MAX ? label.slice(0, LABEL_MAX) : label,
    fields: readFields(where, m, NODE_KIND_DEFS[kind].fields, problems),
    provenance: readProvenance(m),
  };
  const consentBy = readActor(m.get('consentBy'));
  if (consentBy) node.consentBy = consentBy;
  const x = m.get('x');
  const y = m.get('y');
  if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
    node.position = { x, y };
  }
  return node;
}

/**
 * Reads one edge map against the nodes that exist; hides (and reports) an edge whose
 * endpoint is gone or whose kind may not connect its endpoints.
 */
export function readEdge(
  id: string,
  value: unknown,
  nodes: ReadonlyMap<string, GraphNode>,
  problems: Problem[],
): GraphEdge | undefined {
  const where = `edges/${id}`;
  if (!(value instanceof Y.Map)) return void problems.push({ where, code: 'notAMap' });
  const m = value as Y.Map<unknown>;
  const kind = m.get('kind');
  if (!isEdgeKind(kind)) return void problems.push({ where, code: 'unknownKind', detail: describe(kind) });
  const fromId = m.get('from');
  const toId = m.get('to');
  const from = typeof fromId === 'string' ? nodes.get(fromId) : undefined;
  const to = typeof toId === 'string' ? nodes.get(toId) : undefined;
  if (!from || !to || from === to) return void problems.push({ where, code: 'danglingEdge' });
  if (!edgeAllowed(kind, from.kind, to.kind)) return void problems.push({ where, code: 'kindNotAllowed' });
  return {
    id,
    kind,
    from: from.id,
    to: to.id,
    fields: readFields(where, m, EDGE_KIND_DEFS[kind].fields, problems),
    provenance: readProvenance(m),
  };
}

/** The identity of a link regardless of its id: kind and (for symmetric kinds, ordered) ends. */
export function edgeKey(e: Pick<GraphEdge, 'kind' | 'from' | 'to'>): string {
  return edgeIdFor(e.kind, e.from, e.to);
}

/**
 * Parses the whole document. Duplicate links (same kind and ends, possible only from
 * clients that don't use deterministic edge ids) are shown once: the smallest id wins,
 * the same on every device.
 */
export function readGraph(doc: Y.Doc): Graph {
  const problems: Problem[] = [];
  const meta = metaMap(doc);
  const schemaVersion = docSchemaVersion(doc);
  if (schemaVersion > SCHEMA_VERSION) {
    problems.push({ where: 'meta', code: 'newerSchema', detail: String(schemaVersion) });
  }
  const rawName = meta.get('name');
  const nodes = new Map<string, GraphNode>();
  for (const [id, value] of nodesMap(doc)) {
    const n = readNode(id, value, problems);
    if (n) nodes.set(id, n);
  }
  const byKey = new Map<string, GraphEdge>();
  for (const id of [...edgesMap(doc).keys()].sort()) {
    const e = readEdge(id, edgesMap(doc).get(id), nodes, problems);
    if (!e) continue;
    const key = edgeKey(e);
    if (byKey.has(key)) problems.push({ where: `edges/${id}`, code: 'duplicateEdge', detail: byKey.get(key)!.id });
    else byKey.set(key, e);
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of byKey.values()) edges.set(e.id, e);
  return {
    schemaVersion,
    name: typeof rawName === 'string' ? rawName : '',
    freshnessMonths: readFreshnessMonths(meta.get('freshnessMonths')),
    nodes,
    edges,
    problems,
  };
}
