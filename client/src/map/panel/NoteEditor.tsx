/**
 * An item's note, written together: Tiptap on the item's own fragment (created in the
 * sync layer), with a toolbar, collaborators' carets and an @-mention list that the
 * keyboard drives. Mentions show the item's current label. In a read-only note a click
 * follows one; in a note being edited it is text (a click places the caret): Ctrl/Cmd+
 * click follows it, and so do the buttons under the note, one per mentioned item.
 */
import type { Editor } from '@tiptap/core';
import { For, Show, createEffect, createSignal, createUniqueId, on, onCleanup, onMount } from 'solid-js';
import { NODE_KIND_DEFS } from '@schema';
import { fmt, loc, t } from '@i18n';
import { type MentionMenuState, createNoteEditor, mentionedIds } from '@sync/note-editor';
import { useMap } from '@map/ui-kit';
import { mentionCandidates } from './mention-candidates';
// After the panel's styles: a note's headings override the panel's.
import './panel.css';
import './note.css';

export function NoteEditor(props: { id: string }) {
  const { model, focus } = useMap();
  const [menu, setMenu] = createSignal<MentionMenuState | null>(null);
  const [active, setActive] = createSignal(0);
  const [, setTick] = createSignal(0);
  const [mentioned, setMentioned] = createSignal<string[]>([]);
  const listId = `mention-list-${createUniqueId()}`;
  let host!: HTMLDivElement;
  let editor: Editor | undefined;
  // A note is part of its item: only who may change the item writes in it (a contributor
  // their own open proposals). Follows the item: a confirmed proposal becomes read-only.
  const editable = () => model.rules.mayChange(model.node(props.id));

  const findItems = (query: string) => mentionCandidates(model.store.nodes.values(), query, props.id);

  onMount(() => {
    const binding = model.noteBinding(props.id);
    if (!binding) return;
    editor = createNoteEditor(host, binding, {
      editable: editable(),
      findItems,
      lookup: (id) => model.store.nodes.get(id),
      onItemsChanged: (listener) => model.subscribe(() => listener()),
      follow: (id) => focus(id),
      removedLabel: () => t().panel.mentionRemoved,
      followHint: () => t().panel.mentionFollowHint,
      menu: {
        open: (s) => {
          setActive(0);
          setMenu(s);
        },
        update: (s) => {
          setActive((i) => Math.min(i, Math.max(0, s.items.length - 1)));
          setMenu(s);
        },
        keyDown: (e) => {
          const m = menu();
          if (!m) return false;
          if (e.key === 'ArrowDown') setActive((i) => (i + 1) % Math.max(1, m.items.length));
          else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + m.items.length) % Math.max(1, m.items.length));
          else if (e.key === 'Enter' || e.key === 'Tab') {
            const item = m.items[active()];
            if (!item) return false;
            m.choose(item);
          } else if (e.key === 'Escape') setMenu(null);
          else return false;
          return true;
        },
        close: () => setMenu(null),
      },
    });
    // Toolbar buttons reflect the formatting at the caret.
    editor.on('transaction', () => setTick((n) => n + 1));
    const readMentions = () => {
      const ids = editor ? mentionedIds(editor) : [];
      setMentioned((old) => (old.length === ids.length && old.every((id, i) => id === ids[i]) ? old : ids));
    };
    readMentions();
    editor.on('update', readMentions);
  });
  createEffect(on(editable, (can) => editor?.setEditable(can), { defer: true }));
  onCleanup(() => editor?.destroy());

  const mark = (name: 'bold' | 'italic', run: (e: Editor) => void) => (
    <button
      type="button"
      class="note-tool"
      aria-pressed={editor?.isActive(name) ? 'true' : 'false'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor && run(editor)}
    >
      {t().panel.noteTools[name]}
    </button>
  );

  return (
    <section class="note" aria-label={t().panel.note}>
      <h3>{t().panel.note}</h3>
      <Show when={editable()}>
        <div class="note-toolbar" role="toolbar" aria-label={t().panel.noteToolbar}>
          {mark('bold', (e) => e.chain().focus().toggleBold().run())}
          {mark('italic', (e) => e.chain().focus().toggleItalic().run())}
          <button
            type="button"
            class="note-tool"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor?.chain().focus().toggleHeading({ level: 3 }).run()}
          >
            {t().panel.noteTools.heading}
          </button>
          <button
            type="button"
            class="note-tool"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor?.chain().focus().toggleBulletList().run()}
          >
            {t().panel.noteTools.list}
          </button>
        </div>
      </Show>
      <div
        ref={host}
        class="note-host"
        role="textbox"
        aria-multiline="true"
        aria-label={t().panel.noteLabel}
        aria-readonly={editable() ? 'false' : 'true'}
        aria-controls={menu() ? listId : undefined}
      />
      <Show when={menu()}>
        {(m) => (
          <ul
            id={listId}
            class="mention-menu"
            role="listbox"
            aria-label={t().panel.mentionList}
            style={m().rect ? { position: 'fixed', left: `${m().rect!.left}px`, top: `${m().rect!.bottom + 4}px` } : {}}
          >
            <Show when={m().items.length} fallback={<li class="mention-empty">{t().panel.mentionNone}</li>}>
              <For each={m().items}>
                {(item, i) => (
                  <li
                    role="option"
                    aria-selected={i() === active() ? 'true' : 'false'}
                    class="mention-option"
                    onMouseDown={(e) => {
                      e.preventDefault();
                      m().choose(item);
                    }}
                  >
                    {item.label}
                    <span class="mention-kind">
                      {(() => {
                        const n = model.store.nodes.get(item.id);
                        return n ? loc(NODE_KIND_DEFS[n.kind].label) : '';
                      })()}
                    </span>
                  </li>
                )}
              </For>
            </Show>
          </ul>
        )}
      </Show>
      <Show when={editable()}>
        <MentionsInNote ids={mentioned()} />
      </Show>
      <MentionedIn id={props.id} />
    </section>
  );
}

/** While editing: a button for each item the note mentions, to open it without leaving the text by a click. */
function MentionsInNote(props: { ids: string[] }) {
  const { model, focus } = useMap();
  const items = () => props.ids.flatMap((id) => model.node(id) ?? []);
  return (
    <Show when={items().length}>
      <section class="mentions-in-note" aria-label={t().panel.mentionsInNote}>
        <h4>{t().panel.mentionsInNote}</h4>
        <ul>
          <For each={items()}>
            {(n) => (
              <li>
                <button type="button" class="link-button" onClick={() => focus(n.id)}>
                  {fmt(t().panel.openMention, { label: n.label })}
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** Backlinks: every item whose note mentions this one. */
function MentionedIn(props: { id: string }) {
  const { model, focus } = useMap();
  return (
    <Show when={model.mentionedIn(props.id).length}>
      <section class="mentioned-in" aria-label={t().panel.mentionedIn}>
        <h3>{t().panel.mentionedIn}</h3>
        <ul>
          <For each={model.mentionedIn(props.id)}>
            {(n) => (
              <li>
                <button type="button" class="link-button" onClick={() => focus(n.id)}>
                  {n.label}
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
