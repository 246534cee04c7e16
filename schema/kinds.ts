/**
 * The node kinds of the social map: what each item is and which fields it carries.
 * Field keys are document keys (see schema/README.md); never rename one without a
 * migration.
 */
import type { FieldDef } from './fields.js';
import type { Localized } from './i18n.js';

export const NODE_KINDS = ['person', 'organisation', 'initiative', 'place', 'area', 'theme'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface NodeKindDef {
  label: Localized;
  plural: Localized;
  /** The label field's own caption for this kind ("Naam", "Titel"). */
  labelCaption: Localized;
  fields: Record<string, FieldDef>;
}

const contact = {
  phone: { type: 'phone', label: { nl: 'Telefoon', en: 'Phone' } },
  email: { type: 'email', label: { nl: 'E-mail', en: 'Email' } },
  address: { type: 'text', maxLength: 200, label: { nl: 'Adres', en: 'Address' } },
  website: { type: 'url', label: { nl: 'Website', en: 'Website' } },
} as const satisfies Record<string, FieldDef>;

export const CONSENT_OPTIONS = {
  yes: { nl: 'Ja, gegeven', en: 'Yes, given' },
  no: { nl: 'Nee, niet gegeven', en: 'No, not given' },
} satisfies Record<string, Localized>;

/**
 * Data minimisation: a resident key figure carries only these fields (no function, e-mail
 * or home address), and must have a recorded consent and a retention date.
 */
export const RESIDENT_ROLE = 'resident_key_figure';
export const RESIDENT_FIELDS: readonly string[] = [
  'role',
  'languages',
  'skills',
  'phone',
  'consent',
  'consentAt',
  'retentionUntil',
];
export const RESIDENT_REQUIRED: readonly string[] = ['consent', 'consentAt', 'retentionUntil'];
/** Fields only residents carry (consent and retention). */
export const RESIDENT_ONLY_FIELDS: readonly string[] = ['consent', 'consentAt', 'retentionUntil'];

export const PERSON_ROLES = {
  professional: { nl: 'Professional', en: 'Professional' },
  volunteer: { nl: 'Vrijwilliger', en: 'Volunteer' },
  experience_expert: { nl: 'Ervaringsdeskundige', en: 'Experience expert' },
  intern: { nl: 'Stagiair', en: 'Intern' },
  resident_key_figure: { nl: 'Sleutelfiguur (bewoner)', en: 'Resident key figure' },
} satisfies Record<string, Localized>;

export const ORGANISATION_TYPES = {
  team_social: { nl: 'Buurtteam sociaal', en: 'Neighbourhood team (social)' },
  team_youth_family: { nl: 'Buurtteam jeugd & gezin', en: 'Neighbourhood team (youth & family)' },
  social_broker_org: { nl: 'Welzijnsorganisatie (sociaal makelaars)', en: 'Social broker organisation' },
  municipality: { nl: 'Gemeente / wijkbureau', en: 'Municipality / district office' },
  gp_health: { nl: 'Huisarts / gezondheidszorg', en: 'GP / health care' },
  mental_health: { nl: 'GGZ', en: 'Mental health services' },
  school: { nl: 'School', en: 'School' },
  police: { nl: 'Politie', en: 'Police' },
  housing: { nl: 'Woningcorporatie', en: 'Housing corporation' },
  sports_club: { nl: 'Sportvereniging', en: 'Sports club' },
  religious: { nl: 'Levensbeschouwelijk (moskee, kerk)', en: 'Religious (mosque, church)' },
  business: { nl: 'Ondernemer / winkel', en: 'Business / shop' },
  other: { nl: 'Anders', en: 'Other' },
} satisfies Record<string, Localized>;

export const INITIATIVE_STAGES = {
  idea: { nl: 'Idee', en: 'Idea' },
  starting: { nl: 'In opstart', en: 'Starting' },
  running: { nl: 'Loopt', en: 'Running' },
  paused: { nl: 'Gepauzeerd', en: 'Paused' },
  ended: { nl: 'Gestopt', en: 'Ended' },
} satisfies Record<string, Localized>;

export const AREA_LEVELS = {
  city: { nl: 'Stad', en: 'City' },
  district: { nl: 'Wijk', en: 'District' },
  neighbourhood: { nl: 'Buurt', en: 'Neighbourhood' },
} satisfies Record<string, Localized>;

export const THEME_TYPES = {
  problem: { nl: 'Terugkerend probleem', en: 'Recurring problem' },
  anchor: { nl: 'Ankerpunt van de stad', en: 'City anchor' },
} satisfies Record<string, Localized>;

const percent = (nl: string, en: string): FieldDef => ({
  type: 'number',
  min: 0,
  max: 100,
  label: { nl, en },
});

export const NODE_KIND_DEFS: Record<NodeKind, NodeKindDef> = {
  person: {
    label: { nl: 'Persoon', en: 'Person' },
    plural: { nl: 'Personen', en: 'People' },
    labelCaption: { nl: 'Naam', en: 'Name' },
    fields: {
      role: { type: 'enum', required: true, options: PERSON_ROLES, label: { nl: 'Rol', en: 'Role' } },
      function: { type: 'text', maxLength: 120, label: { nl: 'Functie', en: 'Function / title' } },
      phone: { ...contact.phone, protected: true },
      email: { ...contact.email, protected: true },
      address: { ...contact.address, label: { nl: 'Huisadres', en: 'Home address' }, protected: true },
      languages: { type: 'tags', maxItems: 20, label: { nl: 'Talen', en: 'Languages' } },
      skills: { type: 'tags', label: { nl: 'Talenten en vaardigheden', en: 'Talents and skills' } },
      consent: {
        type: 'enum',
        options: CONSENT_OPTIONS,
        label: { nl: 'Toestemming om op de kaart te staan', en: 'Consent to be on the map' },
      },
      consentAt: { type: 'date', label: { nl: 'Toestemming vastgelegd op', en: 'Consent recorded on' } },
      retentionUntil: { type: 'date', label: { nl: 'Bewaren tot', en: 'Keep until' } },
    },
  },
  organisation: {
    label: { nl: 'Organisatie', en: 'Organisation' },
    plural: { nl: 'Organisaties', en: 'Organisations' },
    labelCaption: { nl: 'Naam', en: 'Name' },
    fields: {
      orgType: {
        type: 'enum',
        required: true,
        options: ORGANISATION_TYPES,
        label: { nl: 'Soort organisatie', en: 'Type of organisation' },
      },
      ...contact,
    },
  },
  initiative: {
    label: { nl: 'Initiatief', en: 'Initiative' },
    plural: { nl: 'Initiatieven', en: 'Initiatives' },
    labelCaption: { nl: 'Naam', en: 'Name' },
    fields: {
      stage: {
        type: 'enum',
        required: true,
        options: INITIATIVE_STAGES,
        label: { nl: 'Status', en: 'Status' },
      },
      schedule: { type: 'text', maxLength: 200, label: { nl: 'Wanneer', en: 'Schedule' } },
      budgetRequest: {
        type: 'number',
        min: 0,
        max: 10_000_000,
        label: { nl: 'Budgetaanvraag (€)', en: 'Budget request (€)' },
      },
      phone: contact.phone,
      email: contact.email,
      website: contact.website,
    },
  },
  place: {
    label: { nl: 'Plek', en: 'Place' },
    plural: { nl: 'Plekken', en: 'Places' },
    labelCaption: { nl: 'Naam', en: 'Name' },
    fields: {
      address: contact.address,
      openingHours: { type: 'text', maxLength: 300, label: { nl: 'Openingstijden', en: 'Opening hours' } },
      rooms: { type: 'tags', label: { nl: 'Ruimtes', en: 'Rooms' } },
      phone: contact.phone,
      website: contact.website,
    },
  },
  area: {
    label: { nl: 'Gebied', en: 'Area' },
    plural: { nl: 'Gebieden', en: 'Areas' },
    labelCaption: { nl: 'Naam', en: 'Name' },
    fields: {
      level: { type: 'enum', required: true, options: AREA_LEVELS, label: { nl: 'Niveau', en: 'Level' } },
      population: { type: 'number', min: 0, integer: true, label: { nl: 'Inwoners', en: 'Residents' } },
      households: { type: 'number', min: 0, integer: true, label: { nl: 'Huishoudens', en: 'Households' } },
      lowIncomePct: percent('Laag inkomen (%)', 'Low income (%)'),
      unemploymentPct: percent('Werkloosheid (%)', 'Unemployment (%)'),
      figuresYear: {
        type: 'number',
        integer: true,
        min: 1900,
        max: 2100,
        label: { nl: 'Jaar van de cijfers', en: 'Year of the figures' },
      },
    },
  },
  theme: {
    label: { nl: 'Thema', en: 'Theme' },
    plural: { nl: "Thema's", en: 'Themes' },
    labelCaption: { nl: 'Naam', en: 'Name' },
    fields: {
      themeType: { type: 'enum', options: THEME_TYPES, label: { nl: 'Soort thema', en: 'Type of theme' } },
    },
  },
};

export function isNodeKind(kind: unknown): kind is NodeKind {
  return typeof kind === 'string' && (NODE_KINDS as readonly string[]).includes(kind);
}
