/**
 * Reading notes: every node's `note` is a Y.XmlFragment in the ProseMirror layout Tiptap
 * writes (block elements such as `paragraph`, `heading`, `bulletList`, holding Y.XmlText
 * with formatting, and inline `mention` elements whose `id` attribute is a node id).
 */
import * as Y from 'yjs';
import { nodesMap } from './doc.js';

/** The element name of a mention of another item in a note. */
export const MENTION = 'mention';

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook;

function walk(parent: Y.XmlFragment | Y.XmlElement, visit: (child: XmlChild) => void): void {
  for (const child of parent.toArray() as XmlChild[]) {
    visit(child);
    if (child instanceof Y.XmlElement) walk(child, visit);
  }
}

/** The node ids a note mentions, in order of first appearance, each once. */
export function noteMentions(note: Y.XmlFragment): string[] {
  const ids = new Set<string>();
  walk(note, (child) => {
    if (child instanceof Y.XmlElement && child.nodeName === MENTION) {
      const id = child.getAttribute('id') as unknown;
      if (typeof id === 'string' && id) ids.add(id);
    }
  });
  return [...ids];
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/**
 * The plain text of a note, for search: text runs joined, a line break between blocks,
 * mentions as the label they were stored with (`labelOf` may give the current one).
 */
export function noteText(note: Y.XmlFragment, labelOf?: (id: string) => string | undefined): string {
  const out: string[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray() as XmlChild[]) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert?: unknown }[])
          if (typeof op.insert === 'string') out.push(op.insert);
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === MENTION) {
          const id = child.getAttribute('id') as unknown;
          const stored = child.getAttribute('label') as unknown;
          const label = (typeof id === 'string' && labelOf?.(id)) || (typeof stored === 'string' ? stored : '');
          if (label) out.push(`@${label}`);
          continue;
        }
        visit(child);
        if (BLOCKS.has(child.nodeName)) out.push('\n');
      }
    }
  };
  visit(note);
  return out
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The note of a node, if it has one. */
export function noteOf(doc: Y.Doc, nodeId: string): Y.XmlFragment | undefined {
  const note = nodesMap(doc).get(nodeId)?.get('note');
  return note instanceof Y.XmlFragment ? note : undefined;
}

/** Every node whose note mentions `targetId` ("mentioned in"), in id order. */
export function backlinks(doc: Y.Doc, targetId: string): string[] {
  const out: string[] = [];
  for (const [id, node] of nodesMap(doc)) {
    const note = node instanceof Y.Map ? node.get('note') : undefined;
    if (note instanceof Y.XmlFragment && noteMentions(note).includes(targetId)) out.push(id);
  }
  return out.sort();
}
