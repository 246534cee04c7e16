/**
 * Contact details of persons live in the protected document (schema/protected.ts): the
 * actions that write an item's fields split them here, so the interface can keep showing
 * one form. Everything is validated before anything is written, in either document.
 */
import {
  type CreateNodeInput,
  type FieldValue,
  type GraphNode,
  type NodeKind,
  type OpContext,
  OpError,
  type UpdateNodeInput,
  checkContactDetails,
  splitProtected,
} from '@schema';
import type { ActionResult } from './actions';
import type { ContactsDoc } from './contacts';

type Result<T> = ActionResult<T>;

export interface ContactActionDeps {
  contacts: ContactsDoc | undefined;
  ctx: OpContext;
  node(id: string): GraphNode | undefined;
  kindOf(id: string): NodeKind | undefined;
}

function refused(fields: Record<string, unknown>): OpError {
  const errors = Object.fromEntries(Object.keys(fields).map((k) => [k, { code: 'protectedField' as const }]));
  return new OpError('invalid', 'this role may not write contact details', errors);
}

/** Splits a create: the item in the map document, its contact details in the protected one. */
export function createWithContacts<T>(
  deps: ContactActionDeps,
  input: CreateNodeInput,
  create: (open: CreateNodeInput) => Result<T>,
  idOf: (value: T) => string,
): Result<T> {
  const { open, contact } = splitProtected(input.kind, input.fields ?? {});
  if (Object.keys(contact).length) {
    if (!deps.contacts) return { ok: false, error: refused(contact) };
    try {
      checkContactDetails(input.kind, contact, open.role as string | undefined);
    } catch (err) {
      if (err instanceof OpError) return { ok: false, error: err };
      throw err;
    }
  }
  const result = create({ ...input, fields: open });
  if (result.ok && deps.contacts && Object.keys(contact).length) {
    deps.contacts.set(idOf(result.value), input.kind, contact, deps.ctx, open.role as string | undefined);
  }
  return result;
}

/** Splits an update the same way; returns whether anything changed in either document. */
export function updateWithContacts(
  deps: ContactActionDeps,
  id: string,
  input: UpdateNodeInput,
  update: (id: string, open: UpdateNodeInput) => Result<boolean>,
): Result<boolean> {
  const kind = deps.kindOf(id);
  if (!kind) return update(id, input);
  const { open, contact } = splitProtected(kind, input.fields ?? {});
  const role = (open.role ?? deps.node(id)?.fields.role) as string | undefined;
  if (Object.keys(contact).length) {
    if (!deps.contacts) return { ok: false, error: refused(contact) };
    try {
      checkContactDetails(kind, contact, role);
    } catch (err) {
      if (err instanceof OpError) return { ok: false, error: err };
      throw err;
    }
  }
  const hasOpen = input.label !== undefined || Object.keys(open).length > 0;
  const result: Result<boolean> = hasOpen ? update(id, { ...input, fields: open }) : { ok: true, value: false };
  if (!result.ok || !deps.contacts || !Object.keys(contact).length) return result;
  const changed = deps.contacts.set(id, kind, contact, deps.ctx, role);
  return { ok: true, value: result.value || changed };
}

/** A node with its contact details (for roles that have the protected document). */
export function withContacts(node: GraphNode, contacts: ContactsDoc | undefined): GraphNode {
  if (!contacts) return node;
  const details: Record<string, FieldValue> = contacts.get(node.id, node.kind);
  return Object.keys(details).length ? { ...node, fields: { ...node.fields, ...details } } : node;
}
