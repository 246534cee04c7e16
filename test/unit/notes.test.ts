/** Mention extraction, note text and backlinks over the ProseMirror layout Tiptap writes. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backlinks, createNode, noteMentions, noteOf, noteText, setNoteText } from '../../schema/index.js';

const ctx = { actor: { id: 'a', name: 'A' } };

function paragraph(...parts: (string | Y.XmlElement)[]): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(
    0,
    parts.map((x) => (typeof x === 'string' ? new Y.XmlText(x) : x)),
  );
  return p;
}

function mention(id: string, label: string): Y.XmlElement {
  const m = new Y.XmlElement('mention');
  m.setAttribute('id', id);
  m.setAttribute('label', label);
  return m;
}

function setup() {
  const doc = new Y.Doc();
  const conciërge = createNode(
    doc,
    {
      kind: 'person',
      label: 'Hassan (conciërge)',
      fields: { role: 'resident_key_figure', consent: 'yes', consentAt: '2026-01-15', retentionUntil: '2027-01-15' },
    },
    ctx,
  );
  const buurthuis = createNode(doc, { kind: 'place', label: 'Buurthuis De Schakel' }, ctx);
  const team = createNode(doc, { kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, ctx);
  return { doc, conciërge, buurthuis, team };
}

describe('notes', () => {
  it('finds mentions, nested in lists and headings, each once, in order', () => {
    const { doc, conciërge, buurthuis, team } = setup();
    const note = noteOf(doc, team)!;
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Sleutel bij ', mention(buurthuis, 'Buurthuis'))]);
    list.insert(0, [item]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2' as unknown as string);
    heading.insert(0, [new Y.XmlText('Contact')]);
    note.insert(0, [
      heading,
      paragraph('Vraag ', mention(conciërge, 'Hassan'), ', op dinsdag.'),
      list,
      paragraph(mention(conciërge, 'Hassan')),
    ]);
    expect(noteMentions(note)).toEqual([conciërge, buurthuis]);
    expect(noteText(note)).toBe('Contact\nVraag @Hassan, op dinsdag.\nSleutel bij @Buurthuis\n@Hassan');
    // The current label wins over the stored one.
    expect(noteText(note, (id) => (id === conciërge ? 'Hassan B.' : undefined))).toContain('@Hassan B.');
  });

  it('reads formatted text as plain text', () => {
    const { doc, team } = setup();
    const note = noteOf(doc, team)!;
    const t = new Y.XmlText();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [t]);
    note.insert(0, [p]);
    t.insert(0, 'vet', { bold: true });
    t.insert(3, ' en gewoon');
    expect(noteText(note)).toBe('vet en gewoon');
  });

  it('lists backlinks: every item whose note mentions this one', () => {
    const { doc, conciërge, buurthuis, team } = setup();
    noteOf(doc, team)!.insert(0, [paragraph(mention(conciërge, 'Hassan'))]);
    noteOf(doc, buurthuis)!.insert(0, [paragraph('Beheer: ', mention(conciërge, 'Hassan'))]);
    expect(backlinks(doc, conciërge)).toEqual([buurthuis, team].sort());
    expect(backlinks(doc, team)).toEqual([]);
  });

  it('ignores malformed mentions and notes', () => {
    const { doc, team } = setup();
    const bad = new Y.XmlElement('mention');
    bad.setAttribute('id', 42 as unknown as string);
    noteOf(doc, team)!.insert(0, [paragraph(bad)]);
    expect(noteMentions(noteOf(doc, team)!)).toEqual([]);
    setNoteText(doc, team, 'Regel een\nRegel twee', ctx);
    expect(noteText(noteOf(doc, team)!)).toBe('Regel een\nRegel twee');
  });
});
