/**
 * Typed operations: every user intent is exactly one of these, and each is one
 * `doc.transact(fn, origin)`. They validate everything before writing anything, so a
 * refused operation leaves the document untouched.
 */
import * as Y from 'yjs';
import {
  type Actor,
  type ItemStatus,
  NODE_ID_RE,
  ORIGIN,
  SCHEMA_VERSION,
  edgesMap,
  metaMap,
  newNodeId,
  nodesMap,
} from './doc.js';
import { EDGE_KIND_DEFS, type EdgeKind, edgeAllowed, isEdgeKind } from './edges.js';
import { type FieldError, type FieldValue, validateField } from './fields.js';
import {
  NODE_KIND_DEFS,
  type NodeKind,
  RESIDENT_FIELDS,
  RESIDENT_ONLY_FIELDS,
  RESIDENT_REQUIRED,
  RESIDENT_ROLE,
  isNodeKind,
} from './kinds.js';
import { MAX_FRESHNESS_MONTHS } from './freshness.js';
import { docSchemaVersion } from './migrations.js';

/** Positions beyond this are refused: no canvas needs them, and rounding would overflow. */
export const MAX_COORDINATE = 1e7;

function validPosition(p: { x: number; y: number }): boolean {
  return Math.abs(p.x) <= MAX_COORDINATE && Math.abs(p.y) <= MAX_COORDINATE; // false for NaN too
}

export type OpErrorCode = 'invalid' | 'notFound' | 'kindNotAllowed' | 'duplicate' | 'selfLink' | 'newerSchema';

/** Why an operation was refused; `fields` holds per-field validation errors. */
export class OpError extends Error {
  constructor(
    readonly code: OpErrorCode,
    message: string,
    readonly fields: Record<string, FieldError> = {},
  ) {
    super(message);
    this.name = 'OpError';
  }
}

export interface OpContext {
  actor: Actor;
  /** Transaction origin; `ui` unless an import, migration or seed writes. */
  origin?: string;
  /** Clock in ms since the epoch; injectable for tests. */
  now?: () => number;
  /** `proposed` for contributors' new items (see issue 5); `confirmed` otherwise. */
  status?: ItemStatus;
}

export const LABEL_MAX = 200;

function stamp(ctx: OpContext): { who: Actor; at: number } {
  return { who: { id: ctx.actor.id, name: ctx.actor.name }, at: (ctx.now ?? Date.now)() };
}

function assertWritable(doc: Y.Doc): void {
  const v = docSchemaVersion(doc);
  if (v > SCHEMA_VERSION) {
    throw new OpError('newerSchema', `map uses schema ${v}; this client knows ${SCHEMA_VERSION}`);
  }
}

function validateLabel(label: unknown): string {
  const r = validateField({ type: 'text', required: true, maxLength: LABEL_MAX, label: { nl: '', en: '' } }, label);
  if (!r.ok) throw new OpError('invalid', 'invalid label', { label: r.error });
  return r.value as string;
}

/** Validates a patch of a kind's fields; `undefined` or empty means "remove the value". */
export function validateFields(
  defs: Record<string, import('./fields.js').FieldDef>,
  patch: Record<string, unknown>,
  requireAll: boolean,
): Record<string, FieldValue | undefined> {
  const errors: Record<string, FieldError> = {};
  const out: Record<string, FieldValue | undefined> = {};
  for (const key of Object.keys(patch)) {
    if (!Object.hasOwn(defs, key)) errors[key] = { code: 'unknownOption' };
  }
  for (const [key, def] of Object.entries(defs)) {
    if (!Object.hasOwn(patch, key) && !(requireAll && def.required)) continue;
    const r = validateField(def, patch[key]);
    if (r.ok) out[key] = r.value;
    else errors[key] = r.error;
  }
  if (Object.keys(errors).length) throw new OpError('invalid', 'invalid fields', errors);
  return out;
}

export interface CreateNodeInput {
  kind: NodeKind;
  label: string;
  fields?: Record<string, unknown>;
  position?: { x: number; y: number };
  /** Only for imports and tests that need stable ids; normally generated. */
  id?: string;
}

/**
 * Creates a node with validated fields, provenance (created = updated = verified = now,
 * by the actor; a proposal, `ctx.status: 'proposed'`, is not verified) and an empty note. Invariant: a node always has a known kind, a
 * non-empty label and every required field of its kind. Returns the new id.
 */
export function createNode(doc: Y.Doc, input: CreateNodeInput, ctx: OpContext): string {
  assertWritable(doc);
  if (!isNodeKind(input.kind)) throw new OpError('invalid', `unknown node kind ${String(input.kind)}`);
  const label = validateLabel(input.label);
  refuseProtected(input.kind, input.fields ?? {});
  const fields = validateFields(NODE_KIND_DEFS[input.kind].fields, input.fields ?? {}, true);
  if (input.kind === 'person') checkPersonFields(fields);
  if (input.position && !validPosition(input.position)) {
    throw new OpError('invalid', `position must be finite and within ±${MAX_COORDINATE}`);
  }
  const id = input.id ?? newNodeId();
  if (!NODE_ID_RE.test(id)) throw new OpError('invalid', 'invalid node id');
  if (nodesMap(doc).has(id)) throw new OpError('duplicate', `node ${id} exists`);
  const { who, at } = stamp(ctx);
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    node.set('kind', input.kind);
    node.set('label', label);
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) node.set(k, v);
    if (input.position) {
      // A new map can't be read before it is in the document, so no change check here.
      node.set('x', roundCoord(input.position.x));
      node.set('y', roundCoord(input.position.y));
    }
    node.set('createdBy', who);
    node.set('createdAt', at);
    node.set('updatedBy', who);
    node.set('updatedAt', at);
    // A proposal is nobody's confirmation yet: it is verified when an editor confirms it.
    if ((ctx.status ?? 'confirmed') === 'confirmed') {
      node.set('verifiedBy', who);
      node.set('verifiedAt', at);
    }
    node.set('status', ctx.status ?? 'confirmed');
    if (fields.consent !== undefined) node.set('consentBy', who);
    node.set('note', new Y.XmlFragment());
    nodesMap(doc).set(id, node);
  }, ctx.origin ?? ORIGIN.ui);
  return id;
}

/**
 * Creates a node and links it to an existing one in one transaction ("new person who
 * works for this organisation"): one intent, one undo step. `direction` says whether the
 * new node is the link's `from` (default) or its `to`. Nothing is written if either part
 * is refused. Returns the new node id and edge id.
 */
export function createLinkedNode(
  doc: Y.Doc,
  input: CreateNodeInput,
  linkTo: { kind: EdgeKind; other: string; direction?: 'from' | 'to'; fields?: Record<string, unknown> },
  ctx: OpContext,
): { nodeId: string; edgeId: string } {
  assertWritable(doc);
  const other = nodesMap(doc).get(linkTo.other);
  if (!(other instanceof Y.Map)) throw new OpError('notFound', 'endpoint not found');
  const otherKind = other.get('kind');
  const newFirst = (linkTo.direction ?? 'from') === 'from';
  if (
    !isNodeKind(otherKind) ||
    !isEdgeKind(linkTo.kind) ||
    !(newFirst ? edgeAllowed(linkTo.kind, input.kind, otherKind) : edgeAllowed(linkTo.kind, otherKind, input.kind))
  ) {
    throw new OpError('kindNotAllowed', `${String(linkTo.kind)} does not fit these kinds`);
  }
  validateFields(EDGE_KIND_DEFS[linkTo.kind].fields, linkTo.fields ?? {}, true);
  let result = { nodeId: '', edgeId: '' };
  // Nested transactions join the outer one: one update, one undo step.
  doc.transact(() => {
    const nodeId = createNode(doc, input, ctx);
    const [from, to] = newFirst ? [nodeId, linkTo.other] : [linkTo.other, nodeId];
    const edgeId = link(doc, { kind: linkTo.kind, from, to, fields: linkTo.fields ?? {} }, ctx);
    result = { nodeId, edgeId };
  }, ctx.origin ?? ORIGIN.ui);
  return result;
}

export interface UpdateNodeInput {
  label?: string;
  /** Field values to set; `undefined` or empty removes a value. */
  fields?: Record<string, unknown>;
}

/**
 * Changes a node's label and/or fields. Writes only the keys whose value changes, so
 * two people editing different fields of one item both win. Stamps `updatedBy/At` when
 * anything changed. Invariant: required fields can't be removed.
 */
export function updateNode(doc: Y.Doc, id: string, input: UpdateNodeInput, ctx: OpContext): boolean {
  assertWritable(doc);
  const node = nodesMap(doc).get(id);
  if (!(node instanceof Y.Map)) throw new OpError('notFound', `node ${id} not found`);
  const kind = node.get('kind');
  if (!isNodeKind(kind)) throw new OpError('invalid', `node ${id} has unknown kind`);
  const label = input.label === undefined ? undefined : validateLabel(input.label);
  refuseProtected(kind, input.fields ?? {});
  const fields = validateFields(NODE_KIND_DEFS[kind].fields, input.fields ?? {}, false);
  if (kind === 'person') {
    const merged: Record<string, FieldValue | undefined> = {};
    for (const key of Object.keys(NODE_KIND_DEFS.person.fields)) {
      const v = Object.hasOwn(fields, key) ? fields[key] : (node.get(key) as FieldValue | undefined);
      if (!NODE_KIND_DEFS.person.fields[key]!.protected) merged[key] = v;
    }
    // Leaving the resident role drops what only residents carry.
    if (merged.role !== RESIDENT_ROLE) {
      for (const key of RESIDENT_ONLY_FIELDS) {
        if (merged[key] !== undefined && !Object.hasOwn(fields, key)) {
          fields[key] = undefined;
          merged[key] = undefined;
        }
      }
    }
    checkPersonFields(merged);
  }
  const changes: [string, FieldValue | undefined][] = Object.entries(fields).filter(
    ([k, v]) => !sameValue(node.get(k), v),
  );
  if (label !== undefined && node.get('label') !== label) changes.push(['label', label]);
  if (changes.length === 0) return false;
  const { who, at } = stamp(ctx);
  doc.transact(() => {
    for (const [k, v] of changes) {
      if (v === undefined) node.delete(k);
      else node.set(k, v);
    }
    node.set('updatedBy', who);
    node.set('updatedAt', at);
    if (changes.some(([k]) => k === 'consent' || k === 'consentAt')) {
      if (node.get('consent') === undefined) node.delete('consentBy');
      else node.set('consentBy', who);
    }
  }, ctx.origin ?? ORIGIN.ui);
  return true;
}

/** Contact details never go in the map document: they live in the protected one (protected.ts). */
function refuseProtected(kind: NodeKind, patch: Record<string, unknown>): void {
  const errors: Record<string, FieldError> = {};
  for (const key of Object.keys(patch)) {
    if (NODE_KIND_DEFS[kind].fields[key]?.protected) errors[key] = { code: 'protectedField' };
  }
  if (Object.keys(errors).length) throw new OpError('invalid', 'contact details go in the protected document', errors);
}

/**
 * Data minimisation for residents: a resident key figure carries only RESIDENT_FIELDS and
 * must have a recorded consent and a retention date; others carry no consent fields.
 */
export function checkPersonFields(values: Record<string, unknown>): void {
  const errors: Record<string, FieldError> = {};
  const resident = values.role === RESIDENT_ROLE;
  for (const [key, def] of Object.entries(NODE_KIND_DEFS.person.fields)) {
    if (def.protected) continue;
    const has = values[key] !== undefined;
    if (resident && has && !RESIDENT_FIELDS.includes(key)) errors[key] = { code: 'notForResidents' };
    if (resident && !has && RESIDENT_REQUIRED.includes(key)) errors[key] = { code: 'required' };
    if (!resident && has && RESIDENT_ONLY_FIELDS.includes(key)) errors[key] = { code: 'onlyForResidents' };
  }
  if (Object.keys(errors).length) throw new OpError('invalid', 'invalid fields for this person', errors);
}

/**
 * "Still correct": stamps `verifiedBy/At` on a node without changing its content.
 */
export function verifyNode(doc: Y.Doc, id: string, ctx: OpContext): void {
  assertWritable(doc);
  const node = nodesMap(doc).get(id);
  if (!(node instanceof Y.Map)) throw new OpError('notFound', `node ${id} not found`);
  // A proposal is confirmed (confirmProposal), not found still correct: it stays unverified till then.
  if (node.get('status') === 'proposed') throw new OpError('invalid', 'a proposal is confirmed, not verified');
  const { who, at } = stamp(ctx);
  doc.transact(() => {
    node.set('verifiedBy', who);
    node.set('verifiedAt', at);
  }, ctx.origin ?? ORIGIN.ui);
}

/**
 * Deletes a node, its note and every edge that touches it, in one transaction.
 * An edge added concurrently elsewhere may survive as dangling; readers hide it.
 */
export function deleteNode(doc: Y.Doc, id: string, ctx: OpContext): void {
  assertWritable(doc);
  const nodes = nodesMap(doc);
  if (!nodes.has(id)) throw new OpError('notFound', `node ${id} not found`);
  const edges = edgesMap(doc);
  doc.transact(() => {
    for (const [edgeId, edge] of edges) {
      if (edge instanceof Y.Map && (edge.get('from') === id || edge.get('to') === id)) edges.delete(edgeId);
    }
    nodes.delete(id);
  }, ctx.origin ?? ORIGIN.ui);
}

/**
 * The id of the link of `kind` between two nodes. Deterministic, so two people who
 * create the same link concurrently write the same key and end with one link, not two.
 * Symmetric kinds order their endpoints.
 */
export function edgeIdFor(kind: EdgeKind, from: string, to: string): string {
  const [a, b] = EDGE_KIND_DEFS[kind].symmetric && to < from ? [to, from] : [from, to];
  return `${kind}|${a}|${b}`;
}

export interface LinkInput {
  kind: EdgeKind;
  from: string;
  to: string;
  fields?: Record<string, unknown>;
}

/**
 * Links two existing nodes. Refuses unknown endpoints, a self-link, a kind that may not
 * connect these node kinds, and a link of the same kind that already exists (either
 * direction for symmetric kinds). Returns the edge id.
 */
export function link(doc: Y.Doc, input: LinkInput, ctx: OpContext): string {
  assertWritable(doc);
  if (!isEdgeKind(input.kind)) throw new OpError('invalid', `unknown link kind ${String(input.kind)}`);
  if (input.from === input.to) throw new OpError('selfLink', 'an item cannot link to itself');
  // Ids of another shape (a foreign tool's) can't be linked: edge ids are built from them.
  if (!NODE_ID_RE.test(input.from) || !NODE_ID_RE.test(input.to)) throw new OpError('notFound', 'endpoint not found');
  const nodes = nodesMap(doc);
  const from = nodes.get(input.from);
  const to = nodes.get(input.to);
  if (!(from instanceof Y.Map) || !(to instanceof Y.Map)) throw new OpError('notFound', 'endpoint not found');
  const fromKind = from.get('kind');
  const toKind = to.get('kind');
  if (!isNodeKind(fromKind) || !isNodeKind(toKind) || !edgeAllowed(input.kind, fromKind, toKind)) {
    throw new OpError('kindNotAllowed', `${input.kind} cannot link ${String(fromKind)} to ${String(toKind)}`);
  }
  const def = EDGE_KIND_DEFS[input.kind];
  // A symmetric link is stored in id order, but a kind allowed only one way keeps its direction.
  const id = edgeIdFor(input.kind, input.from, input.to);
  const edges = edgesMap(doc);
  if (edges.has(id)) throw new OpError('duplicate', 'this link already exists');
  const fields = validateFields(def.fields, input.fields ?? {}, true);
  const [a, b] = def.symmetric && input.to < input.from ? [input.to, input.from] : [input.from, input.to];
  const { who, at } = stamp(ctx);
  doc.transact(() => {
    const edge = new Y.Map<unknown>();
    edge.set('kind', input.kind);
    edge.set('from', a);
    edge.set('to', b);
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) edge.set(k, v);
    edge.set('createdBy', who);
    edge.set('createdAt', at);
    edge.set('updatedBy', who);
    edge.set('updatedAt', at);
    if ((ctx.status ?? 'confirmed') === 'confirmed') {
      edge.set('verifiedBy', who);
      edge.set('verifiedAt', at);
    }
    edge.set('status', ctx.status ?? 'confirmed');
    edges.set(id, edge);
  }, ctx.origin ?? ORIGIN.ui);
  return id;
}

/** Changes a link's own fields (e.g. how well two people know each other). */
export function updateEdge(doc: Y.Doc, id: string, fields: Record<string, unknown>, ctx: OpContext): boolean {
  assertWritable(doc);
  const edge = edgesMap(doc).get(id);
  if (!(edge instanceof Y.Map)) throw new OpError('notFound', `link ${id} not found`);
  const kind = edge.get('kind');
  if (!isEdgeKind(kind)) throw new OpError('invalid', `link ${id} has unknown kind`);
  const valid = validateFields(EDGE_KIND_DEFS[kind].fields, fields, false);
  const changes = Object.entries(valid).filter(([k, v]) => !sameValue(edge.get(k), v));
  if (changes.length === 0) return false;
  const { who, at } = stamp(ctx);
  doc.transact(() => {
    for (const [k, v] of changes) {
      if (v === undefined) edge.delete(k);
      else edge.set(k, v);
    }
    edge.set('updatedBy', who);
    edge.set('updatedAt', at);
  }, ctx.origin ?? ORIGIN.ui);
  return true;
}

/** Removes a link. */
export function unlink(doc: Y.Doc, id: string, ctx: OpContext): void {
  assertWritable(doc);
  const edges = edgesMap(doc);
  if (!edges.has(id)) throw new OpError('notFound', `link ${id} not found`);
  doc.transact(() => edges.delete(id), ctx.origin ?? ORIGIN.ui);
}

/**
 * Stores shared positions (written when a drag ends, never while dragging). Positions
 * are layout, not content: they do not change `updatedAt`. Unknown ids are skipped.
 */
export function moveNodes(doc: Y.Doc, positions: Record<string, { x: number; y: number }>, ctx: OpContext): void {
  assertWritable(doc);
  const nodes = nodesMap(doc);
  for (const p of Object.values(positions)) {
    if (!validPosition(p)) throw new OpError('invalid', `position must be finite and within ±${MAX_COORDINATE}`);
  }
  doc.transact(() => {
    for (const [id, p] of Object.entries(positions)) {
      const node = nodes.get(id);
      if (node instanceof Y.Map) setPosition(node, p);
    }
  }, ctx.origin ?? ORIGIN.ui);
}

/** Positions are rounded to 0.1: sub-pixel precision only bloats the document. */
function roundCoord(v: number): number {
  return Math.round(v * 10) / 10;
}

function setPosition(node: Y.Map<unknown>, p: { x: number; y: number }): void {
  const x = roundCoord(p.x);
  const y = roundCoord(p.y);
  if (node.get('x') !== x) node.set('x', x);
  if (node.get('y') !== y) node.set('y', y);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Confirms a proposal (a node or a link): it becomes a normal item, verified now by the
 * confirming editor. Refuses an item that is not an open proposal.
 */
export function confirmProposal(doc: Y.Doc, target: { node: string } | { edge: string }, ctx: OpContext): void {
  assertWritable(doc);
  const item = proposalMap(doc, target);
  const { who, at } = stamp(ctx);
  doc.transact(() => {
    item.set('status', 'confirmed');
    item.set('verifiedBy', who);
    item.set('verifiedAt', at);
  }, ctx.origin ?? ORIGIN.ui);
}

/**
 * Rejects a proposal: it is removed (a node with its note and links, as `deleteNode`).
 * Refuses an item that is not an open proposal, so a confirmed item is never removed this way.
 */
export function rejectProposal(doc: Y.Doc, target: { node: string } | { edge: string }, ctx: OpContext): void {
  proposalMap(doc, target);
  if ('node' in target) deleteNode(doc, target.node, ctx);
  else unlink(doc, target.edge, ctx);
}

function proposalMap(doc: Y.Doc, target: { node: string } | { edge: string }): Y.Map<unknown> {
  const item = 'node' in target ? nodesMap(doc).get(target.node) : edgesMap(doc).get(target.edge);
  if (!(item instanceof Y.Map)) throw new OpError('notFound', 'item not found');
  if (item.get('status') !== 'proposed') throw new OpError('invalid', 'this item is not a proposal');
  return item;
}

/**
 * Sets the map's freshness period in whole months (1-60): items not confirmed within it
 * are stale. Owners only (enforced by the server).
 */
export function setFreshnessMonths(doc: Y.Doc, months: number, ctx: OpContext): void {
  assertWritable(doc);
  if (!Number.isInteger(months) || months < 1 || months > MAX_FRESHNESS_MONTHS) {
    throw new OpError('invalid', `the period must be 1-${MAX_FRESHNESS_MONTHS} whole months`, {
      freshnessMonths: { code: 'tooBig', params: { max: MAX_FRESHNESS_MONTHS } },
    });
  }
  if (metaMap(doc).get('freshnessMonths') === months) return;
  doc.transact(() => metaMap(doc).set('freshnessMonths', months), ctx.origin ?? ORIGIN.ui);
}

/** Sets the map's display name (owners and editors). */
export function setMapName(doc: Y.Doc, name: string, ctx: OpContext): void {
  assertWritable(doc);
  const label = validateLabel(name);
  doc.transact(() => metaMap(doc).set('name', label), ctx.origin ?? ORIGIN.ui);
}

export type { Actor };

/**
 * Replaces a node's note by plain text, one paragraph per line (for seeding and
 * imports; people edit notes through the rich-text editor). Uses the ProseMirror
 * layout Tiptap reads: `paragraph` elements holding text.
 */
export function setNoteText(doc: Y.Doc, id: string, text: string, ctx: OpContext): void {
  assertWritable(doc);
  const node = nodesMap(doc).get(id);
  if (!(node instanceof Y.Map)) throw new OpError('notFound', `node ${id} not found`);
  doc.transact(() => {
    let note = node.get('note');
    if (!(note instanceof Y.XmlFragment)) {
      note = new Y.XmlFragment();
      node.set('note', note);
    }
    const fragment = note as Y.XmlFragment;
    fragment.delete(0, fragment.length);
    const paragraphs = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(line)]);
        return p;
      });
    fragment.insert(0, paragraphs);
  }, ctx.origin ?? ORIGIN.ui);
}
