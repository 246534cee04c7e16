/**
 * The client's side of the write rules: a device offers and sends only what its role may
 * do (the server refuses the rest, test/integration/permissions.test.ts). Refused actions
 * write nothing; moves keep only what the role may move; a contributor's undo history is
 * cleared once a proposal of theirs is confirmed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotAllowed, guardActions, rawActions } from '../../client/src/sync/actions.js';
import { GraphStore } from '../../client/src/sync/graph-store.js';
import { roleRules } from '../../client/src/sync/role-rules.js';
import { keepUndoWithinRole } from '../../client/src/sync/undo-within-role.js';
import {
  type OpContext,
  type Role,
  confirmProposal,
  createNode,
  link,
  metaMap,
  newItemStatus,
  readGraph,
} from '../../schema/index.js';

const esther = { id: 'esther', name: 'Esther' };
const sanne = { id: 'sanne', name: 'Sanne' };

function setup(role: Role, actor = sanne) {
  const doc = new Y.Doc();
  const editor: OpContext = { actor: esther, origin: 'seed' };
  createNode(doc, { id: 'team', kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, editor);
  createNode(doc, { id: 'fatima', kind: 'person', label: 'Fatima', fields: { role: 'professional' } }, editor);
  createNode(
    doc,
    { id: 'tim', kind: 'theme', label: 'Van Tim' },
    { actor: { id: 'tim', name: 'Tim' }, status: 'proposed' },
  );
  const store = new GraphStore(doc);
  const ctx: OpContext = { actor, origin: 'ui', status: newItemStatus({ role, id: actor.id }) };
  const actions = guardActions(rawActions(doc, ctx), roleRules({ role, id: actor.id }), store);
  return { doc, store, actions };
}

/** The update an action would send: nothing, if it was refused. */
function sent(doc: Y.Doc, fn: () => unknown): number {
  const before = Y.encodeStateVector(doc);
  fn();
  return Y.encodeStateAsUpdate(doc, before).length - Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).length;
}

describe('role-aware actions', () => {
  it('a contributor creates proposals and changes only their own open ones', () => {
    const { doc, store, actions } = setup('contributor');
    const mine = actions.createNode({ kind: 'theme', label: 'Eenzaamheid' });
    expect(mine.ok).toBe(true);
    const id = mine.ok ? mine.value : '';
    expect(store.nodes.get(id)?.provenance).toMatchObject({ status: 'proposed', createdBy: sanne });
    expect(store.nodes.get(id)?.provenance.verifiedAt).toBeUndefined();
    // A link between confirmed items is a new item of its own: a proposal too.
    const edge = actions.link({ kind: 'works_for', from: 'fatima', to: 'team' });
    expect(edge.ok && store.edges.get(edge.value)?.provenance.status).toBe('proposed');
    expect(actions.updateNode(id, { label: 'Eenzaamheid bij ouderen' }).ok).toBe(true);

    for (const [what, result] of [
      ['change a confirmed item', () => actions.updateNode('fatima', { label: 'X' })],
      ['change another’s proposal', () => actions.updateNode('tim', { label: 'X' })],
      ['delete a confirmed item', () => actions.deleteNode('fatima')],
      ['verify', () => actions.verifyNode('fatima')],
      ['confirm', () => actions.confirmProposal({ node: id })],
      ['reject', () => actions.rejectProposal({ node: 'tim' })],
      ['set the period', () => actions.setFreshnessMonths(12)],
    ] as const) {
      let r: ReturnType<typeof result> | undefined;
      expect(
        sent(doc, () => (r = result())),
        what,
      ).toBe(0);
      expect(r!.ok, what).toBe(false);
      expect(!r!.ok && r!.error, what).toBeInstanceOf(NotAllowed);
    }
    expect(readGraph(doc).nodes.get('fatima')?.label).toBe('Fatima');
  });

  it('a contributor moves only their own proposals; a move of nothing else writes nothing', () => {
    const { doc, store, actions } = setup('contributor');
    const r = actions.createNode({ kind: 'theme', label: 'Eenzaamheid' });
    const id = r.ok ? r.value : '';
    expect(actions.placeNodes({ [id]: { x: 10, y: 20 }, fatima: { x: 1, y: 1 }, tim: { x: 2, y: 2 } }).ok).toBe(true);
    expect(store.nodes.get(id)?.position).toEqual({ x: 10, y: 20 });
    expect(store.nodes.get('fatima')?.position).toBeUndefined();
    expect(store.nodes.get('tim')?.position).toBeUndefined();
    expect(sent(doc, () => actions.moveNodes({ fatima: { x: 5, y: 5 } }))).toBe(0);
  });

  it('a contributor cannot delete their proposal once someone else linked to it', () => {
    const { doc, actions } = setup('contributor');
    const r = actions.createNode({ kind: 'theme', label: 'Eenzaamheid' });
    const id = r.ok ? r.value : '';
    link(doc, { kind: 'addresses', from: 'team', to: id }, { actor: esther }); // the editor's link
    const del = actions.deleteNode(id);
    expect(!del.ok && del.error).toBeInstanceOf(NotAllowed);
    expect(readGraph(doc).nodes.has(id)).toBe(true);
  });

  it('a viewer writes nothing; an editor everything but the owner’s settings; an owner those too', () => {
    const viewer = setup('viewer');
    expect(sent(viewer.doc, () => viewer.actions.createNode({ kind: 'theme', label: 'X' }))).toBe(0);
    expect(sent(viewer.doc, () => viewer.actions.placeNodes({ fatima: { x: 1, y: 1 } }))).toBe(0);
    const editor = setup('editor', esther);
    expect(editor.actions.confirmProposal({ node: 'tim' }).ok).toBe(true);
    expect(editor.actions.verifyNode('fatima').ok).toBe(true);
    expect(editor.actions.setFreshnessMonths(12).ok).toBe(false);
    expect(metaMap(editor.doc).get('freshnessMonths')).toBeUndefined();
    const owner = setup('owner', esther);
    expect(owner.actions.setFreshnessMonths(12).ok).toBe(true);
    expect(readGraph(owner.doc).freshnessMonths).toBe(12);
  });
});

describe('a contributor’s undo', () => {
  it('is cleared once an editor confirms one of their proposals', () => {
    const { doc, store, actions } = setup('contributor');
    const undo = new Y.UndoManager([doc.getMap('nodes'), doc.getMap('edges')], {
      trackedOrigins: new Set(['ui']),
      captureTimeout: 0,
    });
    keepUndoWithinRole(store, sanne.id, undo);
    const r = actions.createNode({ kind: 'theme', label: 'Eenzaamheid' });
    const id = r.ok ? r.value : '';
    actions.updateNode(id, { label: 'Eenzaamheid bij ouderen' });
    expect(undo.canUndo()).toBe(true);
    // An editor elsewhere edits another item: nothing to do with her history.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    let before = Y.encodeStateVector(other);
    confirmProposal(other, { node: 'tim' }, { actor: esther });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
    expect(undo.canUndo()).toBe(true);
    before = Y.encodeStateVector(other);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    confirmProposal(other, { node: id }, { actor: esther });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
    expect(store.nodes.get(id)?.provenance.status).toBe('confirmed');
    expect(undo.canUndo()).toBe(false);
  });
});
