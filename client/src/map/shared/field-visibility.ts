/**
 * Which fields an item shows and edits: contact details of persons only on devices that
 * hold them (owners, editors); for a resident key figure only what may be recorded about
 * residents (with consent and retention), for others no consent fields.
 */
import { NODE_KIND_DEFS, type NodeKind, RESIDENT_FIELDS, RESIDENT_ONLY_FIELDS, RESIDENT_ROLE } from '@schema';

export function shownFields(kind: NodeKind, personRole: unknown, maySeeContacts: boolean): string[] {
  return Object.entries(NODE_KIND_DEFS[kind].fields)
    .filter(([key, def]) => {
      if (def.protected && !maySeeContacts) return false;
      if (kind !== 'person') return true;
      if (personRole === RESIDENT_ROLE) return RESIDENT_FIELDS.includes(key);
      return !RESIDENT_ONLY_FIELDS.includes(key);
    })
    .map(([key]) => key);
}

/**
 * Becoming a resident key figure: the values residents may not have are removed in the
 * same save (data minimisation), instead of refusing the save over a field not shown.
 */
export function valuesToDrop(
  kind: NodeKind,
  personRole: unknown,
  current: Record<string, unknown>,
  maySeeContacts: boolean,
): Record<string, undefined> {
  if (kind !== 'person' || personRole !== RESIDENT_ROLE) return {};
  const out: Record<string, undefined> = {};
  for (const [key, def] of Object.entries(NODE_KIND_DEFS.person.fields)) {
    if (def.protected && !maySeeContacts) continue;
    if (!RESIDENT_FIELDS.includes(key) && current[key] !== undefined) out[key] = undefined;
  }
  return out;
}
