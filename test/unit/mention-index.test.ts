/** "Mentioned in" stays current from note changes alone, and agrees with a full scan. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GraphStore } from '../../client/src/sync/graph-store.js';
import { MentionIndex } from '../../client/src/sync/mention-index.js';
import { backlinks, createNode, deleteNode, noteOf } from '../../schema/index.js';

const ctx = { actor: { id: 'a', name: 'A' } };

function mention(id: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const m = new Y.XmlElement('mention');
  m.setAttribute('id', id);
  p.insert(0, [new Y.XmlText('zie '), m]);
  return p;
}

describe('MentionIndex', () => {
  it('follows notes being written, edited, deleted and synced in', () => {
    const doc = new Y.Doc();
    const ids = ['a', 'b', 'c'].map((l) => createNode(doc, { kind: 'theme', label: l }, ctx));
    const [a, b, c] = ids as [string, string, string];
    const store = new GraphStore(doc);
    const index = new MentionIndex(doc, store);
    const agrees = () => {
      for (const id of ids) expect(index.mentionedIn(id)).toEqual(backlinks(doc, id).filter((x) => x !== id));
    };

    noteOf(doc, a)!.insert(0, [mention(c)]);
    expect(index.mentionedIn(c)).toEqual([a]);
    noteOf(doc, b)!.insert(0, [mention(c), mention(a)]);
    expect(index.mentionedIn(c)).toEqual([a, b].sort());
    expect(index.mentionedIn(a)).toEqual([b]);
    agrees();

    noteOf(doc, a)!.delete(0, 1); // a no longer mentions c
    expect(index.mentionedIn(c)).toEqual([b]);
    deleteNode(doc, b, ctx); // b's note goes with it
    expect(index.mentionedIn(c)).toEqual([]);
    expect(index.mentionedIn(a)).toEqual([]);
    agrees();

    // A remote peer writes a note: the index learns it from the synced update.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    noteOf(remote, c)!.insert(0, [mention(a)]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(index.mentionedIn(a)).toEqual([c]);
    agrees();
    index.destroy();
  });
});
