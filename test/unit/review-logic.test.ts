/**
 * The client's logic for keeping the map current, without a browser: the activity
 * panel's filters, merging fetched pages, "since my last visit" bookkeeping, what became
 * of a contributor's proposals, and which items are stale now.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type GraphChange, GraphStore } from '@sync/graph-store';
import { sameIds, staleIds } from '@map/review/freshness';
import {
  NO_ACTIVITY_FILTER,
  changedItems,
  edgeEnds,
  filterActivity,
  mergeEntries,
  peopleIn,
} from '@map/review/activity-filter';
import { OutcomeTracker } from '@map/review/proposal-outcomes';
import { type VisitStore, recordVisit } from '@map/review/visits';
import {
  type ActivityEntry,
  type OpContext,
  addMonths,
  areaIndex,
  confirmProposal,
  createNode,
  deleteNode,
  edgeIdFor,
  link,
  rejectProposal,
  updateNode,
} from '../../schema/index.js';

const esther = { id: 'esther', name: 'Esther (buurtteam)' };
const sanne = { id: 'sanne', name: 'Sanne (stagiair)' };
const editor: OpContext = { actor: esther, origin: 'ui' };
const intern: OpContext = { actor: sanne, origin: 'ui', status: 'proposed' };

function smallMap() {
  const doc = new Y.Doc();
  createNode(doc, { id: 'kan', kind: 'area', label: 'Kanaleneiland', fields: { level: 'district' } }, editor);
  createNode(doc, { id: 'zui', kind: 'area', label: 'Zuilen', fields: { level: 'district' } }, editor);
  createNode(doc, { id: 'team', kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, editor);
  createNode(doc, { id: 'fatima', kind: 'person', label: 'Fatima Benali', fields: { role: 'professional' } }, editor);
  link(doc, { kind: 'active_in', from: 'team', to: 'kan' }, editor);
  link(doc, { kind: 'works_for', from: 'fatima', to: 'team' }, editor);
  return { doc, store: new GraphStore(doc) };
}

let seq = 0;
const entry = (e: Partial<ActivityEntry> & Pick<ActivityEntry, 'id'>): ActivityEntry => ({
  seq: ++seq,
  at: 1000 + seq,
  firstAt: 1000 + seq,
  count: 1,
  actor: esther,
  target: 'node',
  change: 'updated',
  fields: [],
  ...e,
});

describe('activity filters', () => {
  const { store } = smallMap();
  const g = { nodes: store.nodes, areas: areaIndex(store) };
  const worksFor = edgeIdFor('works_for', 'fatima', 'team');
  const entries = [
    entry({ id: 'fatima', actor: sanne, change: 'proposed' }),
    entry({ id: 'team', change: 'verified' }),
    entry({ id: worksFor, target: 'edge', change: 'confirmed' }),
    entry({ id: 'zui', change: 'updated', fields: ['label'] }),
    entry({ id: 'freshnessMonths', target: 'map', change: 'settings' }),
    entry({ id: 'gone', change: 'deleted' }),
  ];
  const ids = (list: ActivityEntry[]) => list.map((e) => e.id);

  it('by person, by item name (a link by either end) and by the selected item', () => {
    expect(ids(filterActivity(entries, { ...NO_ACTIVITY_FILTER, actorId: 'sanne' }, g))).toEqual(['fatima']);
    expect(ids(filterActivity(entries, { ...NO_ACTIVITY_FILTER, itemText: 'benali' }, g))).toEqual([
      'fatima',
      worksFor,
    ]);
    expect(ids(filterActivity(entries, { ...NO_ACTIVITY_FILTER, itemText: 'zorg' }, g))).toEqual([]);
    expect(ids(filterActivity(entries, { ...NO_ACTIVITY_FILTER, itemId: 'team' }, g))).toEqual(['team', worksFor]);
    expect(filterActivity(entries, NO_ACTIVITY_FILTER, g)).toHaveLength(entries.length);
  });

  it('by area, through what the item belongs to; settings and deleted items fall outside any area', () => {
    expect(ids(filterActivity(entries, { ...NO_ACTIVITY_FILTER, areaId: 'kan' }, g))).toEqual([
      'fatima',
      'team',
      worksFor,
    ]);
    expect(ids(filterActivity(entries, { ...NO_ACTIVITY_FILTER, areaId: 'zui' }, g))).toEqual(['zui']);
  });

  it('reads the ends of a link from its id, also once it is gone', () => {
    expect(edgeEnds(worksFor)).toEqual({ kind: 'works_for', from: 'fatima', to: 'team' });
    expect(edgeEnds('not-an-edge-id')).toBeUndefined();
    expect(edgeEnds('a||b')).toBeUndefined();
  });

  it('lists the people, and the items changed', () => {
    expect(peopleIn(entries, (a, b) => a.localeCompare(b))).toEqual([esther, sanne]);
    const changed = changedItems(entries);
    expect([...changed.nodes].sort()).toEqual(['fatima', 'gone', 'team', 'zui']);
    expect([...changed.edges]).toEqual([worksFor]);
  });

  it('merges pages newest first, each entry once, up to a maximum', () => {
    const old = [entry({ id: 'a' }), entry({ id: 'b' })].reverse();
    const newer = [entry({ id: 'c' }), entry({ id: 'd' })].reverse();
    expect(ids(mergeEntries(newer, old, 10))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(mergeEntries([newer[0]!, old[0]!], old, 10))).toEqual(['d', 'b', 'a']);
    expect(ids(mergeEntries(newer, old, 3))).toEqual(['d', 'c', 'b']);
  });
});

describe('last visit', () => {
  const memory = (): VisitStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };

  it('returns the previous visit per map and records this one', () => {
    const s = memory();
    expect(recordVisit(s, 'wijk', 1000)).toBeUndefined();
    expect(recordVisit(s, 'demo', 1500)).toBeUndefined();
    expect(recordVisit(s, 'wijk', 2000)).toBe(1000);
    expect(recordVisit(s, 'wijk', 3000)).toBe(2000);
    expect(recordVisit(s, 'demo', 4000)).toBe(1500);
  });

  it('survives garbage in storage, a clock that went back, and storage that refuses writes', () => {
    const s = memory();
    s.data.set('buurtweb.visits', '{not json');
    expect(recordVisit(s, 'wijk', 1000)).toBeUndefined();
    s.data.set('buurtweb.visits', JSON.stringify({ wijk: 'yesterday', demo: 5000 }));
    expect(recordVisit(s, 'wijk', 1000)).toBeUndefined();
    expect(recordVisit(s, 'demo', 4000)).toBeUndefined(); // "previous" later than now: not offered
    const full: VisitStore = {
      getItem: () => JSON.stringify({ wijk: 10 }),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(recordVisit(full, 'wijk', 20)).toBe(10);
  });
});

describe('what became of a contributor’s proposals', () => {
  function tracked() {
    const { doc, store } = smallMap();
    const tracker = new OutcomeTracker('sanne', { node: (n) => n.label, edge: (e) => `${e.from}→${e.to}` });
    tracker.seed(store.nodes.values(), store.edges.values());
    const outcomes: ReturnType<OutcomeTracker['apply']> = [];
    store.subscribe((c: GraphChange) => outcomes.push(...tracker.apply(c)));
    return { doc, outcomes };
  }
  /** Applies what `fn` does on a second device, as an update from elsewhere. */
  function remotely(doc: Y.Doc, fn: (other: Y.Doc) => void) {
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(other);
    fn(other);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
  }

  it('reports confirmations and rejections by others, not their own deletions', () => {
    const { doc, outcomes } = tracked();
    const a = createNode(doc, { kind: 'theme', label: 'Eenzaamheid' }, intern);
    const b = createNode(doc, { kind: 'theme', label: 'Geldzorgen' }, intern);
    const c = createNode(doc, { kind: 'theme', label: 'Typfout' }, intern);
    updateNode(doc, a, { label: 'Eenzaamheid bij ouderen' }, intern);
    expect(outcomes).toEqual([]);
    remotely(doc, (other) => confirmProposal(other, { node: a }, editor));
    remotely(doc, (other) => rejectProposal(other, { node: b }, editor));
    deleteNode(doc, c, intern); // her own: no outcome
    expect(outcomes).toEqual([
      { target: 'node', id: a, label: 'Eenzaamheid bij ouderen', result: 'confirmed', by: 'Esther (buurtteam)' },
      { target: 'node', id: b, label: 'Geldzorgen', result: 'rejected' },
    ]);
  });

  it('a proposed link rejected with its item is part of the item’s outcome', () => {
    const { doc, outcomes } = tracked();
    const theme = createNode(doc, { kind: 'theme', label: 'Geldzorgen' }, intern);
    link(doc, { kind: 'addresses', from: 'team', to: theme }, intern);
    remotely(doc, (other) => rejectProposal(other, { node: theme }, editor));
    expect(outcomes.map((o) => `${o.target}:${o.result}`)).toEqual(['node:rejected']);
  });
});

describe('stale items', () => {
  it('are confirmed items whose last confirmation is older than the period; proposals never', () => {
    const doc = new Y.Doc();
    const now = Date.UTC(2026, 10, 29);
    const at = (months: number, extra: Partial<OpContext> = {}): OpContext => ({
      ...editor,
      now: () => addMonths(now, -months),
      ...extra,
    });
    createNode(doc, { id: 'old', kind: 'theme', label: 'Oud' }, at(8));
    createNode(doc, { id: 'recent', kind: 'theme', label: 'Recent' }, at(2));
    createNode(doc, { id: 'edge', kind: 'theme', label: 'Precies zes' }, at(6));
    createNode(doc, { id: 'proposal', kind: 'theme', label: 'Voorstel' }, at(20, { status: 'proposed' }));
    const store = new GraphStore(doc);
    expect([...staleIds(store.nodes.values(), 6, now)].sort()).toEqual(['edge', 'old']);
    expect([...staleIds(store.nodes.values(), 12, now)]).toEqual([]);
    expect(sameIds(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameIds(new Set(['a']), new Set(['b']))).toBe(false);
  });
});
