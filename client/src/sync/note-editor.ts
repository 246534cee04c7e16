/**
 * The rich-text note of one item: Tiptap bound to the item's own `note` fragment in the
 * map document, with collaborators' carets and @-mentions of other items. This lives in
 * the sync layer because it hands Yjs values to Tiptap; the UI only gives it an element
 * and callbacks.
 */
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Mention from '@tiptap/extension-mention';
import StarterKit from '@tiptap/starter-kit';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import type { GraphNode } from '@schema';

/** What the suggestion list shows: one item of the map. */
export interface MentionCandidate {
  id: string;
  label: string;
}

/** The UI's side of the @-mention suggestion list (rendered by the UI, driven by Tiptap). */
export interface MentionMenu {
  open(state: MentionMenuState): void;
  update(state: MentionMenuState): void;
  /** Returns true if the key was handled (arrow keys, Enter, Escape). */
  keyDown(event: KeyboardEvent): boolean;
  close(): void;
}

export interface MentionMenuState {
  items: MentionCandidate[];
  /** Inserts a mention of this item in place of "@query". */
  choose(item: MentionCandidate): void;
  /** Where to show the list (viewport coordinates), if known. */
  rect: DOMRect | null;
}

export interface NoteEditorHooks {
  editable: boolean;
  /** Items matching what was typed after "@". */
  findItems(query: string): MentionCandidate[];
  /** The item as it is now, to show a mention's current label (undefined: deleted). */
  lookup(id: string): GraphNode | undefined;
  /** Calls back whenever items may have changed (labels, deletions); returns unsubscribe. */
  onItemsChanged(listener: () => void): () => void;
  /**
   * A mention was followed: clicked (or Enter) in a read-only note; Ctrl/Cmd+click in a
   * note being edited, where a plain click is for placing the caret.
   */
  follow(id: string): void;
  /** The tooltip of a mention in a note being edited (how to follow it). */
  followHint(): string;
  menu: MentionMenu;
  /** The text a mention of a deleted item shows. */
  removedLabel(): string;
  placeholder?: string;
}

export interface NoteBinding {
  /** The item's note fragment (a Y.XmlFragment). */
  fragment: unknown;
  /** The provider (for its awareness), for collaborators' carets. */
  provider: { awareness: unknown };
  user: { name: string; color: string };
}

const SAFE_URL = /^(https?:|mailto:)/i;

export function createNoteEditor(element: HTMLElement, binding: NoteBinding, hooks: NoteEditorHooks): Editor {
  const mention = Mention.extend({
    // A mention always shows the item's current label, and "removed" once it's gone.
    addNodeView() {
      return ({ node, editor }) => {
        const dom = document.createElement('span');
        const id = String(node.attrs.id ?? '');
        dom.className = 'mention';
        dom.dataset.id = id;
        dom.setAttribute('role', 'link');
        const render = () => {
          const item = hooks.lookup(id);
          dom.textContent = `@${item ? item.label : hooks.removedLabel()}`;
          dom.classList.toggle('mention-removed', !item);
          dom.setAttribute('aria-disabled', String(!item));
        };
        // Being edited, a mention is text: not a tab stop (a focused mention would take the
        // caret, and the typing, out of the note), and a plain click is for the caret.
        const syncMode = () => {
          if (editor.isEditable) {
            dom.removeAttribute('tabindex');
            dom.title = hooks.followHint();
          } else {
            dom.tabIndex = 0;
            dom.removeAttribute('title');
          }
        };
        render();
        syncMode();
        const unsubscribe = hooks.onItemsChanged(render);
        editor.on('update', syncMode);
        const follow = (e: MouseEvent | KeyboardEvent) => {
          if (!hooks.lookup(id)) return;
          if (editor.isEditable && !(e.ctrlKey || e.metaKey)) return;
          e.preventDefault();
          hooks.follow(id);
        };
        dom.addEventListener('click', follow);
        dom.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') follow(e);
        });
        return {
          dom,
          destroy: () => {
            unsubscribe();
            editor.off('update', syncMode);
          },
          ignoreMutation: () => true,
        };
      };
    },
  });

  return new Editor({
    element,
    editable: hooks.editable,
    extensions: [
      StarterKit.configure({
        // Yjs has its own undo (per user); Tiptap's history would fight it.
        undoRedo: false,
        codeBlock: false,
        horizontalRule: false,
        link: {
          openOnClick: true,
          autolink: true,
          protocols: ['http', 'https', 'mailto'],
          isAllowedUri: (url) => SAFE_URL.test(url),
          HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
        },
      }),
      Collaboration.configure({ fragment: binding.fragment as never }),
      CollaborationCaret.configure({ provider: binding.provider, user: binding.user }),
      mention.configure({
        HTMLAttributes: { class: 'mention' },
        renderText: ({ node }) => `@${hooks.lookup(String(node.attrs.id))?.label ?? String(node.attrs.label ?? '')}`,
        suggestion: {
          char: '@',
          allowSpaces: true,
          items: ({ query }) => hooks.findItems(query),
          render: () => {
            const state = (p: SuggestionProps<MentionCandidate>): MentionMenuState => ({
              items: p.items,
              choose: (item) => p.command({ id: item.id, label: item.label }),
              rect: p.clientRect?.() ?? null,
            });
            return {
              onStart: (p) => hooks.menu.open(state(p)),
              onUpdate: (p) => hooks.menu.update(state(p)),
              onKeyDown: (p: SuggestionKeyDownProps) => hooks.menu.keyDown(p.event),
              onExit: () => hooks.menu.close(),
            };
          },
        },
      }),
    ],
    editorProps: {
      attributes: { class: 'note-content' },
      // Pasted HTML is parsed against the note schema (unknown tags and attributes are
      // dropped); also remove anything that could run before parsing.
      transformPastedHTML: (html) =>
        html
          .replace(/<(script|style|iframe|object|embed)[\s\S]*?<\/\1>/gi, '')
          .replace(/\son\w+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''),
    },
  });
}

/** The ids of the items the note mentions, each once, in the order they appear. */
export function mentionedIds(editor: Editor): string[] {
  const ids = new Set<string>();
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'mention' && node.attrs.id) ids.add(String(node.attrs.id));
  });
  return [...ids];
}
