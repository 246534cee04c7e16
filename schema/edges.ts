/**
 * The link kinds: which node kinds each may connect, and the fields it carries.
 * Symmetric kinds (`knows`, `collaborates_with`) have no direction: their endpoints are
 * stored in id order so that A–B and B–A are the same link.
 */
import type { FieldDef } from './fields.js';
import type { Localized } from './i18n.js';
import type { NodeKind } from './kinds.js';

export const EDGE_KINDS = [
  'works_for',
  'member_of',
  'knows',
  'contact_for',
  'runs',
  'supports',
  'located_at',
  'active_in',
  'part_of',
  'addresses',
  'signals',
  'refers_to',
  'collaborates_with',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface EdgeKindDef {
  /** As read from `from` to `to` ("werkt bij"). */
  label: Localized;
  /** As read from `to` back to `from` ("heeft als medewerker"). */
  inverse: Localized;
  from: readonly NodeKind[];
  to: readonly NodeKind[];
  symmetric?: boolean;
  fields: Record<string, FieldDef>;
}

export const KNOWS_STRENGTHS = {
  weak: { nl: 'Vaag', en: 'Slightly' },
  medium: { nl: 'Goed', en: 'Well' },
  strong: { nl: 'Heel goed', en: 'Very well' },
} satisfies Record<string, Localized>;

export const EDGE_KIND_DEFS: Record<EdgeKind, EdgeKindDef> = {
  works_for: {
    label: { nl: 'werkt bij', en: 'works for' },
    inverse: { nl: 'heeft als medewerker', en: 'employs' },
    from: ['person'],
    to: ['organisation'],
    fields: {
      function: { type: 'text', maxLength: 120, label: { nl: 'Functie', en: 'Function' } },
    },
  },
  member_of: {
    label: { nl: 'is lid van', en: 'member of' },
    inverse: { nl: 'heeft als lid', en: 'has member' },
    from: ['person', 'organisation'],
    to: ['organisation', 'initiative'],
    fields: {},
  },
  knows: {
    label: { nl: 'kent', en: 'knows' },
    inverse: { nl: 'kent', en: 'knows' },
    from: ['person'],
    to: ['person'],
    symmetric: true,
    fields: {
      strength: { type: 'enum', options: KNOWS_STRENGTHS, label: { nl: 'Hoe goed', en: 'How well' } },
      canIntroduce: {
        type: 'boolean',
        label: { nl: 'Kan voorstellen', en: 'Can introduce' },
      },
    },
  },
  contact_for: {
    label: { nl: 'is contactpersoon voor', en: 'contact person for' },
    inverse: { nl: 'heeft als contactpersoon', en: 'has contact person' },
    from: ['person'],
    to: ['organisation', 'initiative', 'place', 'theme'],
    fields: {},
  },
  runs: {
    label: { nl: 'trekt / beheert', en: 'runs' },
    inverse: { nl: 'wordt getrokken door', en: 'is run by' },
    from: ['person', 'organisation'],
    to: ['initiative', 'place'],
    fields: {},
  },
  supports: {
    label: { nl: 'ondersteunt', en: 'supports' },
    inverse: { nl: 'wordt ondersteund door', en: 'is supported by' },
    from: ['person', 'organisation'],
    to: ['initiative', 'organisation', 'person'],
    fields: {},
  },
  located_at: {
    label: { nl: 'zit in / vindt plaats in', en: 'located at' },
    inverse: { nl: 'huisvest', en: 'hosts' },
    from: ['organisation', 'initiative'],
    to: ['place'],
    fields: {},
  },
  active_in: {
    label: { nl: 'is actief in', en: 'active in' },
    inverse: { nl: 'heeft actief', en: 'has active' },
    from: ['person', 'organisation', 'initiative'],
    to: ['area'],
    fields: {},
  },
  part_of: {
    label: { nl: 'ligt in / hoort bij', en: 'part of' },
    inverse: { nl: 'omvat', en: 'contains' },
    from: ['area', 'place', 'organisation'],
    to: ['area', 'organisation'],
    fields: {},
  },
  addresses: {
    label: { nl: 'werkt aan', en: 'addresses' },
    inverse: { nl: 'wordt aangepakt door', en: 'is addressed by' },
    from: ['initiative', 'organisation'],
    to: ['theme'],
    fields: {},
  },
  signals: {
    label: { nl: 'signaleert', en: 'signals' },
    inverse: { nl: 'wordt gesignaleerd door', en: 'is signalled by' },
    from: ['organisation', 'person'],
    to: ['theme'],
    fields: {
      count: {
        type: 'number',
        min: 0,
        integer: true,
        label: { nl: 'Aantal signalen', en: 'Number of signals' },
      },
      period: { type: 'text', maxLength: 20, label: { nl: 'Periode', en: 'Period' } },
    },
  },
  refers_to: {
    label: { nl: 'verwijst naar', en: 'refers to' },
    inverse: { nl: 'krijgt verwijzingen van', en: 'receives referrals from' },
    from: ['organisation', 'person', 'initiative'],
    to: ['organisation', 'initiative'],
    fields: {},
  },
  collaborates_with: {
    label: { nl: 'werkt samen met', en: 'collaborates with' },
    inverse: { nl: 'werkt samen met', en: 'collaborates with' },
    from: ['organisation', 'initiative'],
    to: ['organisation', 'initiative'],
    symmetric: true,
    fields: {},
  },
};

export function isEdgeKind(kind: unknown): kind is EdgeKind {
  return typeof kind === 'string' && (EDGE_KINDS as readonly string[]).includes(kind);
}

/** Whether `kind` may connect a `fromKind` node to a `toKind` node (either way if symmetric). */
export function edgeAllowed(kind: EdgeKind, fromKind: NodeKind, toKind: NodeKind): boolean {
  const def = EDGE_KIND_DEFS[kind];
  const forward = def.from.includes(fromKind) && def.to.includes(toKind);
  return forward || (!!def.symmetric && def.from.includes(toKind) && def.to.includes(fromKind));
}

/** The link kinds valid from `fromKind` to `toKind`, for "Link to…" menus. */
export function edgeKindsBetween(fromKind: NodeKind, toKind: NodeKind): EdgeKind[] {
  return EDGE_KINDS.filter((k) => edgeAllowed(k, fromKind, toKind));
}
