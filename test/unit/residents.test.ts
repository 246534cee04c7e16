/** Consent and retention rules surface the right resident key figures for review. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type OpContext, createNode, readGraph, residentReview } from '../../schema/index.js';

const ctx: OpContext = { actor: { id: 'inv-e', name: 'Esther' } };
const NOW = Date.UTC(2026, 10, 29, 12); // 29 November 2026

function resident(doc: Y.Doc, label: string, fields: Record<string, unknown>): string {
  return createNode(doc, { kind: 'person', label, fields: { role: 'resident_key_figure', ...fields } }, ctx);
}

describe('resident review', () => {
  it('lists residents without consent or past their retention date, most urgent first', () => {
    const doc = new Y.Doc();
    resident(doc, 'Geldig', { consent: 'yes', consentAt: '2026-01-10', retentionUntil: '2027-01-10' });
    resident(doc, 'Vandaag', { consent: 'yes', consentAt: '2025-11-29', retentionUntil: '2026-11-29' });
    resident(doc, 'Verlopen', { consent: 'yes', consentAt: '2025-06-01', retentionUntil: '2026-11-28' });
    resident(doc, 'Geweigerd', { consent: 'no', consentAt: '2026-05-01', retentionUntil: '2027-05-01' });
    createNode(doc, { kind: 'person', label: 'Professional', fields: { role: 'professional' } }, ctx);
    // A resident written by an older or foreign client, without any consent fields.
    doc.transact(() => {
      const m = new Y.Map<unknown>();
      doc.getMap('nodes').set('oud', m);
      m.set('kind', 'person');
      m.set('label', 'Zonder toestemming');
      m.set('role', 'resident_key_figure');
    });
    const review = residentReview(readGraph(doc), NOW);
    expect(review.map((r) => [r.node.label, r.issues])).toEqual([
      ['Zonder toestemming', ['noConsent', 'noRetention']],
      ['Verlopen', ['retentionPassed']],
      ['Geweigerd', ['consentRefused']],
    ]);
  });

  it('records who noted the consent', () => {
    const doc = new Y.Doc();
    const id = resident(doc, 'Hassan', { consent: 'yes', consentAt: '2026-06-30', retentionUntil: '2027-06-30' });
    expect(readGraph(doc).nodes.get(id)!.consentBy).toEqual(ctx.actor);
  });
});
