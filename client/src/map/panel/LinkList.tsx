/**
 * The shown item's links, grouped by how they read from this item ("werkt bij",
 * "heeft als medewerker"), and the button to add one.
 */
import { For, Show, createMemo, createUniqueId } from 'solid-js';
import { EDGE_KINDS, type GraphEdge } from '@schema';
import { lang, t } from '@i18n';
import { useDialogs } from '@map/dialogs';
import { otherEnd, phraseFrom, useMap } from '@map/ui-kit';
import { LinkRow } from './LinkRow';

interface Group {
  phrase: string;
  edgeIds: string[];
}

export function LinkList(props: { id: string }) {
  const { model } = useMap();
  const dialogs = useDialogs();
  const headingId = createUniqueId();
  let heading: HTMLHeadingElement | undefined;
  const edgeOf = (id: string) => (model.version(), model.store.edges.get(id));

  const groups = createMemo(() => {
    model.version();
    const label = (e: GraphEdge) => model.node(otherEnd(e, props.id))?.label ?? '';
    const order = (e: GraphEdge) => EDGE_KINDS.indexOf(e.kind) * 2 + (e.from === props.id ? 0 : 1);
    const edges = model.store
      .edgesOf(props.id)
      .sort((a, b) => order(a) - order(b) || label(a).localeCompare(label(b), lang()));
    const byPhrase = new Map<string, Group>();
    for (const e of edges) {
      const phrase = phraseFrom(e, props.id);
      const key = `${e.kind}:${phrase}`;
      const group = byPhrase.get(key) ?? { phrase, edgeIds: [] };
      group.edgeIds.push(e.id);
      byPhrase.set(key, group);
    }
    return byPhrase;
  });
  // Rows are keyed by strings (group and edge ids), so a change elsewhere in the map does
  // not rebuild them (and close a link's open editor).
  const groupKeys = createMemo(() => [...groups().keys()]);

  return (
    <section class="panel-links" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t().panel.links}
      </h3>
      <Show when={groupKeys().length > 0} fallback={<p class="muted">{t().panel.noLinks}</p>}>
        <For each={groupKeys()}>
          {(key) => (
            <Show when={groups().get(key)}>
              {(group) => (
                <div class="link-group">
                  <h4>{group().phrase}</h4>
                  <ul>
                    <For each={group().edgeIds}>
                      {(edgeId) => (
                        <Show when={edgeOf(edgeId)}>
                          {(edge) => <LinkRow edge={edge()} self={props.id} onRemoved={() => heading?.focus()} />}
                        </Show>
                      )}
                    </For>
                  </ul>
                </div>
              )}
            </Show>
          )}
        </For>
      </Show>
      <Show when={model.rules.mayCreate}>
        <button type="button" class="btn" onClick={() => dialogs.openLink(props.id)}>
          {t().panel.linkTo}
        </button>
      </Show>
    </section>
  );
}
