/** Provenance stamps, freshness at the boundary of the period, the review queue and area scores. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEFAULT_FRESHNESS_MONTHS,
  type OpContext,
  OpError,
  addMonths,
  areaFreshness,
  areaIndex,
  confirmProposal,
  createNode,
  isStale,
  link,
  organisationIndex,
  readGraph,
  rejectProposal,
  reviewQueue,
  setFreshnessMonths,
  updateNode,
  verifyNode,
} from '../../schema/index.js';

const day = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 0, 15, 9, 0); // 15 January 2026
const at =
  (t: number): (() => number) =>
  () =>
    t;
const anna: OpContext = { actor: { id: 'inv-anna', name: 'Anna' }, now: at(T0) };
const bob: OpContext = { actor: { id: 'inv-bob', name: 'Bob' } };

describe('provenance', () => {
  it('stamps creator, last change and last confirmation from the operation’s actor', () => {
    const doc = new Y.Doc();
    const id = createNode(doc, { kind: 'theme', label: 'Schulden' }, anna);
    updateNode(doc, id, { label: 'Schulden en armoede' }, { ...bob, now: at(T0 + day) });
    let p = readGraph(doc).nodes.get(id)!.provenance;
    expect(p).toMatchObject({
      createdBy: anna.actor,
      createdAt: T0,
      updatedBy: bob.actor,
      updatedAt: T0 + day,
      verifiedBy: anna.actor,
      verifiedAt: T0,
      status: 'confirmed',
    });
    verifyNode(doc, id, { actor: { id: 'inv-c', name: 'Chris' }, now: at(T0 + 2 * day) });
    p = readGraph(doc).nodes.get(id)!.provenance;
    expect(p).toMatchObject({
      updatedBy: bob.actor,
      verifiedBy: { id: 'inv-c', name: 'Chris' },
      verifiedAt: T0 + 2 * day,
    });
  });

  it('makes a contributor’s item a proposal, unverified until an editor confirms it', () => {
    const doc = new Y.Doc();
    const id = createNode(doc, { kind: 'theme', label: 'Taal' }, { ...bob, status: 'proposed', now: at(T0) });
    expect(readGraph(doc).nodes.get(id)!.provenance).toEqual({
      createdBy: bob.actor,
      createdAt: T0,
      updatedBy: bob.actor,
      updatedAt: T0,
      status: 'proposed',
    });
    confirmProposal(doc, { node: id }, { ...anna, now: at(T0 + day) });
    expect(readGraph(doc).nodes.get(id)!.provenance).toMatchObject({
      status: 'confirmed',
      createdBy: bob.actor,
      verifiedBy: anna.actor,
      verifiedAt: T0 + day,
    });
    expect(() => confirmProposal(doc, { node: id }, anna)).toThrow(OpError);
    expect(() => rejectProposal(doc, { node: id }, anna)).toThrow(/not a proposal/);
  });

  it('rejecting a proposal removes it with its links', () => {
    const doc = new Y.Doc();
    const org = createNode(doc, { kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, anna);
    const p = createNode(doc, { kind: 'theme', label: 'Taal' }, { ...bob, status: 'proposed' });
    link(doc, { kind: 'addresses', from: org, to: p }, { ...bob, status: 'proposed' });
    rejectProposal(doc, { node: p }, anna);
    const g = readGraph(doc);
    expect([...g.nodes.keys()]).toEqual([org]);
    expect(g.edges.size).toBe(0);
  });
});

describe('freshness', () => {
  it('goes stale exactly when the period after the last confirmation has run out', () => {
    const doc = new Y.Doc();
    const id = createNode(doc, { kind: 'theme', label: 'Schulden' }, anna);
    const p = readGraph(doc).nodes.get(id)!.provenance;
    const boundary = Date.UTC(2026, 6, 15, 9, 0); // + 6 months
    expect(addMonths(T0, DEFAULT_FRESHNESS_MONTHS)).toBe(boundary);
    expect(isStale(p, 6, boundary - 1)).toBe(false);
    expect(isStale(p, 6, boundary)).toBe(true);
    // "Still correct" starts the period again.
    verifyNode(doc, id, { ...bob, now: at(boundary + day) });
    expect(isStale(readGraph(doc).nodes.get(id)!.provenance, 6, boundary + day)).toBe(false);
    // Proposals are not judged on freshness.
    expect(isStale({ status: 'proposed', createdAt: 0 }, 6, boundary)).toBe(false);
    // An item with no dates (a foreign tool's) is stale.
    expect(isStale({ status: 'confirmed' }, 6, 0)).toBe(true);
  });

  it('counts calendar months, ending on a month’s last day when the day does not exist', () => {
    expect(new Date(addMonths(Date.UTC(2026, 7, 31), 6)).toISOString().slice(0, 10)).toBe('2027-02-28');
    expect(new Date(addMonths(Date.UTC(2027, 7, 31), 6)).toISOString().slice(0, 10)).toBe('2028-02-29');
    expect(new Date(addMonths(Date.UTC(2026, 10, 30), 3)).toISOString().slice(0, 10)).toBe('2027-02-28');
  });

  it('reads the owner’s period, defaulting to 6 months, and refuses nonsense', () => {
    const doc = new Y.Doc();
    expect(readGraph(doc).freshnessMonths).toBe(6);
    setFreshnessMonths(doc, 12, anna);
    expect(readGraph(doc).freshnessMonths).toBe(12);
    expect(() => setFreshnessMonths(doc, 0, anna)).toThrow(OpError);
    expect(() => setFreshnessMonths(doc, 1.5, anna)).toThrow(OpError);
    doc.getMap('meta').set('freshnessMonths', 'veel');
    expect(readGraph(doc).freshnessMonths).toBe(6);
  });
});

/**
 * A small map: district Zuid with neighbourhood Kanaleneiland; an organisation active in
 * the neighbourhood with a person working for it; a place in the district; an initiative
 * located at the place; a theme linked to nothing.
 */
function smallMap() {
  const doc = new Y.Doc();
  const ctxAt = (t: number): OpContext => ({ ...anna, now: at(t) });
  const zuid = createNode(doc, { kind: 'area', label: 'Zuid', fields: { level: 'district' } }, ctxAt(T0));
  const kan = createNode(doc, { kind: 'area', label: 'Kanaleneiland', fields: { level: 'neighbourhood' } }, ctxAt(T0));
  link(doc, { kind: 'part_of', from: kan, to: zuid }, anna);
  const org = createNode(
    doc,
    { kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } },
    ctxAt(T0 - 300 * day),
  );
  link(doc, { kind: 'active_in', from: org, to: kan }, anna);
  const person = createNode(
    doc,
    { kind: 'person', label: 'Fatima', fields: { role: 'professional' } },
    ctxAt(T0 - 400 * day),
  );
  link(doc, { kind: 'works_for', from: person, to: org }, anna);
  const place = createNode(doc, { kind: 'place', label: 'Buurthuis' }, ctxAt(T0 - 200 * day));
  link(doc, { kind: 'part_of', from: place, to: zuid }, anna);
  const init = createNode(
    doc,
    { kind: 'initiative', label: 'Huiskamer', fields: { stage: 'running' } },
    ctxAt(T0 - 250 * day),
  );
  link(doc, { kind: 'located_at', from: init, to: place }, anna);
  const theme = createNode(doc, { kind: 'theme', label: 'Armoede' }, ctxAt(T0 - 500 * day));
  const proposal = createNode(doc, { kind: 'theme', label: 'Voorstel' }, { ...bob, status: 'proposed', now: at(0) });
  return { doc, zuid, kan, org, person, place, init, theme, proposal };
}

describe('review queue and area scores', () => {
  it('places items in areas directly, through their organisation or place, and in parent areas', () => {
    const m = smallMap();
    const idx = areaIndex(readGraph(m.doc));
    const names = (id: string) => [...(idx.get(id) ?? [])].map((a) => readGraph(m.doc).nodes.get(a)!.label).sort();
    expect(names(m.org)).toEqual(['Kanaleneiland', 'Zuid']);
    expect(names(m.person)).toEqual(['Kanaleneiland', 'Zuid']);
    expect(names(m.place)).toEqual(['Zuid']);
    expect(names(m.init)).toEqual(['Zuid']);
    expect(names(m.kan)).toEqual(['Kanaleneiland', 'Zuid']);
    expect(names(m.theme)).toEqual([]);
    const orgs = organisationIndex(readGraph(m.doc));
    expect([...(orgs.get(m.person) ?? [])]).toEqual([m.org]);
    expect(orgs.get(m.theme)).toBeUndefined();
  });

  it('lists stale items oldest first, by area and by organisation', () => {
    const m = smallMap();
    const g = readGraph(m.doc);
    const now = T0 + 10 * day; // 6 months = ~181 days
    const labels = (f = {}) => reviewQueue(g, 6, now, f).map((r) => r.node.label);
    expect(labels()).toEqual(['Armoede', 'Fatima', 'Buurtteam', 'Huiskamer', 'Buurthuis']);
    expect(labels({ area: m.kan })).toEqual(['Fatima', 'Buurtteam']);
    expect(labels({ area: m.zuid })).toEqual(['Fatima', 'Buurtteam', 'Huiskamer', 'Buurthuis']);
    expect(labels({ organisation: m.org })).toEqual(['Fatima', 'Buurtteam']);
    expect(labels({ area: m.kan, organisation: m.org })).toEqual(['Fatima', 'Buurtteam']);
    // A longer period: only what is older than 12 months.
    expect(reviewQueue(g, 12, now).map((r) => r.node.label)).toEqual(['Armoede', 'Fatima']);
    const first = reviewQueue(g, 6, now)[0]!;
    expect(first.confirmedAt).toBe(T0 - 500 * day);
    expect(first.staleFrom).toBe(addMonths(T0 - 500 * day, 6));
  });

  it('scores each area by the share of its confirmed items confirmed within the period', () => {
    const m = smallMap();
    const scores = areaFreshness(readGraph(m.doc), 6, T0 + 10 * day);
    expect(scores.map((s) => [s.area.label, s.fresh, s.items])).toEqual([
      // Kanaleneiland itself (fresh), Buurtteam and Fatima (stale).
      ['Kanaleneiland', 1, 3],
      // Zuid, Kanaleneiland (fresh); Buurtteam, Fatima, Buurthuis, Huiskamer (stale).
      ['Zuid', 2, 6],
    ]);
    expect(scores[1]!.share).toBeCloseTo(2 / 6);
  });
});
