/**
 * What this device's role may do (schema/permissions.ts, the rules the server enforces):
 * the interface offers only that, and the actions refuse the rest before writing, so the
 * client never sends an update the server would refuse.
 */
import {
  type Provenance,
  type Role,
  mayChangeItem,
  mayChangeSettings,
  mayConfirm,
  mayCreate,
} from '../../../schema/index.js';

export interface RoleRules {
  readonly role: Role;
  /** New items, links and notes (all but viewers); a contributor's are proposals. */
  readonly mayCreate: boolean;
  /** Confirming and rejecting proposals, and "still correct": editors and owners. */
  readonly mayConfirm: boolean;
  /** Map settings such as the freshness period: owners. */
  readonly maySetSettings: boolean;
  /** Changing or deleting this item: its fields, note, position and own links. */
  mayChange(item: { provenance: Provenance } | undefined): boolean;
}

export function roleRules(role: Role, actorId: string): RoleRules {
  return {
    role,
    mayCreate: mayCreate(role),
    mayConfirm: mayConfirm(role),
    maySetSettings: mayChangeSettings(role),
    mayChange: (item) => !!item && mayChangeItem(role, actorId, item.provenance),
  };
}
