/**
 * The rules (schema/rules.ts) bound to this device's session: the interface offers only
 * what they allow, and the actions refuse the rest before writing, so the client never
 * sends an update the server would refuse. Every enabled or disabled control asks these;
 * none compares role names.
 */
import { type Principal, type Provenance, type Question, may, newItemStatus } from '@schema';

export interface RoleRules {
  readonly actor: Principal;
  /** Any question of the rules, for this device's actor. */
  may(q: Question): boolean;
  /** New items, links and notes (all but viewers); a contributor's are proposals. */
  readonly mayCreate: boolean;
  /** Confirming and rejecting proposals, and "still correct": editors and owners. */
  readonly mayConfirm: boolean;
  /** The settings dialog (some settings are owners' only: ask `may({ act: 'setting', key })`). */
  readonly maySetSettings: boolean;
  /** "Forget this person". */
  readonly mayErase: boolean;
  /** Contact details (the protected document). */
  readonly maySeeContacts: boolean;
  /** Whether every item may be changed (otherwise each item is asked with `mayChange`). */
  readonly changesAll: boolean;
  /** Whether what this device makes are proposals awaiting review. */
  readonly proposes: boolean;
  /** Changing or deleting this item: its fields, note, position and own links. */
  mayChange(item: { provenance: Provenance } | undefined): boolean;
}

export function roleRules(actor: Principal): RoleRules {
  const ask = (q: Question) => may(actor, q);
  return {
    actor,
    may: ask,
    mayCreate: ask({ act: 'create' }),
    mayConfirm: ask({ act: 'confirm' }),
    maySetSettings: ask({ act: 'setting', key: 'freshnessMonths' }),
    mayErase: ask({ act: 'erase' }),
    maySeeContacts: ask({ act: 'contacts' }),
    changesAll: ask({ act: 'changeAll' }),
    proposes: newItemStatus(actor) === 'proposed',
    mayChange: (item) => ask({ act: 'change', item: item?.provenance }),
  };
}
