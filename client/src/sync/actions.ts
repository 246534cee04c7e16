/**
 * The typed writes the interface makes, each one schema operation (one transaction with
 * origin `ui`, or `layout` for automatic placement). `rawActions` writes whatever it is
 * asked; `guardActions` first checks the role's rules, so a contributor's or viewer's
 * client never sends what the server would refuse.
 */
import type * as Y from 'yjs';
import {
  type CreateNodeInput,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type LinkInput,
  type OpContext,
  OpError,
  ORIGIN,
  type UpdateNodeInput,
  confirmProposal,
  createLinkedNode,
  createNode,
  deleteNode,
  link,
  moveNodes,
  rejectProposal,
  setFreshnessMonths,
  unlink,
  updateEdge,
  updateNode,
  verifyNode,
} from '@schema';
import type { RoleRules } from './role-rules';

/** Refused on this device because the role may not do it (the server would refuse it too). */
export class NotAllowed extends Error {
  readonly code = 'notAllowed';
  readonly fields: Record<string, never> = {};
  constructor(message: string) {
    super(message);
    this.name = 'NotAllowed';
  }
}

export type ActionError = OpError | NotAllowed;

/** What an action returns: the result, or why it was refused (for a message to the user). */
export type ActionResult<T = void> = { ok: true; value: T } | { ok: false; error: ActionError };

/** A proposal to confirm or reject: a node or a link. */
export type ItemRef = { node: string } | { edge: string };

export type Positions = Record<string, { x: number; y: number }>;

export interface MapActions {
  createNode(input: CreateNodeInput): ActionResult<string>;
  /** Creates a node linked to an existing one: one operation, one undo step. */
  createLinkedNode(
    input: CreateNodeInput,
    linkTo: { kind: EdgeKind; other: string; direction?: 'from' | 'to'; fields?: Record<string, unknown> },
  ): ActionResult<{ nodeId: string; edgeId: string }>;
  updateNode(id: string, input: UpdateNodeInput): ActionResult<boolean>;
  /** "Still correct" (Klopt nog). */
  verifyNode(id: string): ActionResult;
  deleteNode(id: string): ActionResult;
  link(input: LinkInput): ActionResult<string>;
  updateEdge(id: string, fields: Record<string, unknown>): ActionResult<boolean>;
  unlink(id: string): ActionResult;
  confirmProposal(target: ItemRef): ActionResult;
  /** Removes a proposal (a node with its note and links, or a link). */
  rejectProposal(target: ItemRef): ActionResult;
  setFreshnessMonths(months: number): ActionResult;
  /** The user moved items (a finished drag, "tidy up"; never called while dragging): one undo step. */
  moveNodes(positions: Positions): ActionResult;
  /** Automatic placement (new items, imports): shared with everyone, not an undo step. */
  placeNodes(positions: Positions): ActionResult;
}

function attempt<T>(fn: () => T): ActionResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof OpError) return { ok: false, error: err };
    throw err;
  }
}

/** Every operation as asked, without this device's role checks. */
export function rawActions(doc: Y.Doc, ctx: OpContext): MapActions {
  return {
    createNode: (input) => attempt(() => createNode(doc, input, ctx)),
    createLinkedNode: (input, linkTo) => attempt(() => createLinkedNode(doc, input, linkTo, ctx)),
    updateNode: (id, input) => attempt(() => updateNode(doc, id, input, ctx)),
    verifyNode: (id) => attempt(() => verifyNode(doc, id, ctx)),
    deleteNode: (id) => attempt(() => deleteNode(doc, id, ctx)),
    link: (input) => attempt(() => link(doc, input, ctx)),
    updateEdge: (id, fields) => attempt(() => updateEdge(doc, id, fields, ctx)),
    unlink: (id) => attempt(() => unlink(doc, id, ctx)),
    confirmProposal: (target) => attempt(() => confirmProposal(doc, target, ctx)),
    rejectProposal: (target) => attempt(() => rejectProposal(doc, target, ctx)),
    setFreshnessMonths: (months) => attempt(() => setFreshnessMonths(doc, months, ctx)),
    moveNodes: (positions) => attempt(() => moveNodes(doc, positions, ctx)),
    placeNodes: (positions) => attempt(() => moveNodes(doc, positions, { ...ctx, origin: ORIGIN.layout })),
  };
}

/** What the guard reads of the graph. */
export interface GuardGraph {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  edgesOf(id: string): GraphEdge[];
}

const refuse = (why: string): { ok: false; error: NotAllowed } => ({ ok: false, error: new NotAllowed(why) });

/**
 * The actions with the role's rules checked first. Moves and placements keep only the
 * items the role may move (others stay where this device shows them, unshared); the rest
 * refuse with NotAllowed and write nothing.
 */
export function guardActions(raw: MapActions, rules: RoleRules, graph: GuardGraph): MapActions {
  const node = (id: string) => graph.nodes.get(id);
  const movable = (positions: Positions): Positions | undefined => {
    const out: Positions = {};
    let any = false;
    for (const [id, p] of Object.entries(positions)) {
      if (!rules.mayChange(node(id))) continue;
      out[id] = p;
      any = true;
    }
    return any ? out : undefined;
  };
  return {
    createNode: (input) => (rules.mayCreate ? raw.createNode(input) : refuse('create')),
    createLinkedNode: (input, linkTo) => (rules.mayCreate ? raw.createLinkedNode(input, linkTo) : refuse('create')),
    updateNode: (id, input) => (!node(id) || rules.mayChange(node(id)) ? raw.updateNode(id, input) : refuse('change')),
    verifyNode: (id) => (rules.mayConfirm ? raw.verifyNode(id) : refuse('verify')),
    deleteNode: (id) => {
      if (!node(id)) return raw.deleteNode(id);
      // Deleting an item deletes its links too: every one of them must be the role's to delete.
      const mine = rules.mayChange(node(id)) && graph.edgesOf(id).every((e) => rules.mayChange(e));
      return mine ? raw.deleteNode(id) : refuse('delete');
    },
    link: (input) => (rules.mayCreate ? raw.link(input) : refuse('create')),
    updateEdge: (id, fields) =>
      !graph.edges.get(id) || rules.mayChange(graph.edges.get(id)) ? raw.updateEdge(id, fields) : refuse('change'),
    unlink: (id) => (!graph.edges.get(id) || rules.mayChange(graph.edges.get(id)) ? raw.unlink(id) : refuse('delete')),
    confirmProposal: (target) => (rules.mayConfirm ? raw.confirmProposal(target) : refuse('confirm')),
    rejectProposal: (target) => (rules.mayConfirm ? raw.rejectProposal(target) : refuse('reject')),
    setFreshnessMonths: (months) => (rules.maySetSettings ? raw.setFreshnessMonths(months) : refuse('settings')),
    moveNodes: (positions) => {
      const allowed = movable(positions);
      return allowed ? raw.moveNodes(allowed) : { ok: true, value: undefined };
    },
    placeNodes: (positions) => {
      const allowed = movable(positions);
      return allowed ? raw.placeNodes(allowed) : { ok: true, value: undefined };
    },
  };
}
