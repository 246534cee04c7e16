/**
 * The protected document: every map has a second Y.Doc holding the contact details of
 * persons (phone, e-mail, home address — the fields marked `protected`). The server sends
 * it only to roles allowed to see them (owner and editor), so a viewer's or contributor's
 * device never receives them at all, rather than receiving and hiding them.
 *
 * Layout: `doc.getMap('contacts')` — key: node id; value: a `Y.Map` of protected field
 * values of that node (validated like any field).
 */
import * as Y from 'yjs';
import { ORIGIN } from './doc.js';
import type { FieldError, FieldValue } from './fields.js';
import { validateField } from './fields.js';
import { NODE_KIND_DEFS, type NodeKind, RESIDENT_FIELDS, RESIDENT_ROLE } from './kinds.js';
import { OpError, type OpContext } from './ops.js';

export const CONTACTS_ROOT = 'contacts';

/** The room (and storage) name of a map's protected document; `~` never occurs in map ids. */
export const PROTECTED_SUFFIX = '~protected';
export function protectedRoom(mapId: string): string {
  return mapId + PROTECTED_SUFFIX;
}
/** Splits a room name into the map id and which document of the map it is. */
export function parseRoom(name: string): { mapId: string; protected: boolean } {
  return name.endsWith(PROTECTED_SUFFIX)
    ? { mapId: name.slice(0, -PROTECTED_SUFFIX.length), protected: true }
    : { mapId: name, protected: false };
}

export function contactsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(CONTACTS_ROOT);
}

/** The protected field keys of a kind (empty for kinds without any). */
export function protectedFields(kind: NodeKind): string[] {
  return Object.entries(NODE_KIND_DEFS[kind].fields)
    .filter(([, def]) => def.protected)
    .map(([key]) => key);
}

/** Splits a patch of fields into what goes in the map document and what in the protected one. */
export function splitProtected(
  kind: NodeKind,
  fields: Record<string, unknown>,
): { open: Record<string, unknown>; contact: Record<string, unknown> } {
  const open: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (NODE_KIND_DEFS[kind].fields[k]?.protected) contact[k] = v;
    else open[k] = v;
  }
  return { open, contact };
}

/**
 * Sets contact details of a node (only its kind's protected fields; `undefined` or empty
 * removes a value). A resident key figure may have a phone number only. Writes only what
 * changes. Returns whether anything changed.
 */
/**
 * Validates contact details without writing them: returns the normalised values, or
 * throws OpError as `setContactDetails` would.
 */
export function checkContactDetails(
  kind: NodeKind,
  patch: Record<string, unknown>,
  personRole?: string,
): Record<string, FieldValue | undefined> {
  const defs = NODE_KIND_DEFS[kind].fields;
  const errors: Record<string, FieldError> = {};
  const values: Record<string, FieldValue | undefined> = {};
  for (const [key, value] of Object.entries(patch)) {
    const def = defs[key];
    if (!def?.protected) {
      errors[key] = { code: 'unknownOption' };
      continue;
    }
    const r = validateField(def, value);
    if (!r.ok) errors[key] = r.error;
    else if (personRole === RESIDENT_ROLE && r.value !== undefined && !RESIDENT_FIELDS.includes(key)) {
      errors[key] = { code: 'notForResidents' };
    } else values[key] = r.value;
  }
  if (Object.keys(errors).length) throw new OpError('invalid', 'invalid contact details', errors);
  return values;
}

export function setContactDetails(
  doc: Y.Doc,
  nodeId: string,
  kind: NodeKind,
  patch: Record<string, unknown>,
  ctx: OpContext & { personRole?: string | undefined },
): boolean {
  const values = checkContactDetails(kind, patch, ctx.personRole);
  const contacts = contactsMap(doc);
  const raw = contacts.get(nodeId);
  const existing = raw instanceof Y.Map ? raw : undefined;
  const changes = Object.entries(values).filter(([k, v]) => (existing?.get(k) ?? undefined) !== v);
  if (changes.length === 0) return false;
  doc.transact(() => {
    let entry = existing;
    if (!entry) {
      // A foreign value under the node's id is replaced.
      entry = new Y.Map<unknown>();
      contacts.set(nodeId, entry);
    }
    for (const [k, v] of changes) {
      if (v === undefined) entry.delete(k);
      else entry.set(k, v);
    }
    // No details left: no entry left either.
    if (entry.size === 0) contacts.delete(nodeId);
  }, ctx.origin ?? ORIGIN.ui);
  return true;
}

/** The valid contact details of one node (never throws on foreign values). */
export function readContact(doc: Y.Doc, nodeId: string, kind: NodeKind): Record<string, FieldValue> {
  const entry = contactsMap(doc).get(nodeId);
  const out: Record<string, FieldValue> = {};
  if (!(entry instanceof Y.Map)) return out;
  for (const key of protectedFields(kind)) {
    const r = validateField({ ...NODE_KIND_DEFS[kind].fields[key]!, required: false }, entry.get(key));
    if (r.ok && r.value !== undefined) out[key] = r.value;
  }
  return out;
}

/** Removes a node's contact details (when the node is deleted or erased). */
export function removeContact(doc: Y.Doc, nodeId: string, origin: string = ORIGIN.ui): void {
  const contacts = contactsMap(doc);
  if (contacts.has(nodeId)) doc.transact(() => contacts.delete(nodeId), origin);
}
