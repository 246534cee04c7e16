/**
 * Residents on the map (AVG/GDPR): a resident key figure needs a recorded consent and a
 * retention date. Those without consent, or whose retention date has passed, are listed
 * for editors to renew or to erase.
 */
import { RESIDENT_ROLE } from './kinds.js';
import type { Graph, GraphNode } from './read.js';

export type ResidentIssue = 'noConsent' | 'consentRefused' | 'noRetention' | 'retentionPassed';

export interface ResidentReviewItem {
  node: GraphNode;
  issues: ResidentIssue[];
}

/** Today's date (UTC) as `YYYY-MM-DD`, the format of date fields. */
export function isoDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * Resident key figures that need an editor's attention at `now`: no consent recorded,
 * consent refused, no retention date, or a retention date before today (the day itself
 * still counts as kept). Most urgent first: by retention date, then label.
 */
export function residentReview(graph: Pick<Graph, 'nodes'>, now: number): ResidentReviewItem[] {
  const today = isoDay(now);
  const out: ResidentReviewItem[] = [];
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'person' || node.fields.role !== RESIDENT_ROLE) continue;
    const issues: ResidentIssue[] = [];
    const consent = node.fields.consent;
    if (consent === undefined || node.fields.consentAt === undefined) issues.push('noConsent');
    else if (consent !== 'yes') issues.push('consentRefused');
    const until = node.fields.retentionUntil;
    if (typeof until !== 'string') issues.push('noRetention');
    else if (until < today) issues.push('retentionPassed');
    if (issues.length) out.push({ node, issues });
  }
  const key = (r: ResidentReviewItem) => String(r.node.fields.retentionUntil ?? '');
  return out.sort((a, b) => key(a).localeCompare(key(b)) || a.node.label.localeCompare(b.node.label));
}
