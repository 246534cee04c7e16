/** Shared test data: the smallest valid fields of each node kind. */
import type { NodeKind } from '../../schema/index.js';

/** Every required field of each kind, with a valid value. */
export const REQUIRED_FIELDS: Record<NodeKind, Record<string, unknown>> = {
  person: { role: 'professional' },
  organisation: { orgType: 'team_social' },
  initiative: { stage: 'idea' },
  place: {},
  area: { level: 'neighbourhood' },
  theme: {},
};
