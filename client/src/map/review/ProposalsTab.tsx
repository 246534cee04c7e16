/**
 * Proposals: for editors and owners every open proposal (items and links, oldest first)
 * with who proposed it when, to confirm or reject; for a contributor their own proposals
 * and what became of them; viewers see the open ones.
 */
import { For, Show, createMemo } from 'solid-js';
import { type GraphEdge, type GraphNode, NODE_KIND_DEFS } from '@schema';
import { fmt, loc, t } from '@i18n';
import { useDialogs } from '@map/dialogs';
import { edgeSentence, formatDate, useMap } from '@map/ui-kit';
import { useReview } from './state';

type Item = { target: 'node'; item: GraphNode } | { target: 'edge'; item: GraphEdge };

const byCreation = (a: Item, b: Item) => (a.item.provenance.createdAt ?? 0) - (b.item.provenance.createdAt ?? 0);

export function ProposalsTab() {
  const { model } = useMap();
  return (
    <Show when={model.rules.proposes} fallback={<OpenProposals />}>
      <MyProposals />
    </Show>
  );
}

function useItems() {
  const { model, focus } = useMap();
  const label = (x: Item) => {
    if (x.target === 'node') return x.item.label;
    return edgeSentence(x.item, (id) => model.node(id)?.label);
  };
  const all = (keep: (x: Item) => boolean) => {
    const out: Item[] = [];
    for (const n of model.nodes()) if (keep({ target: 'node', item: n })) out.push({ target: 'node', item: n });
    for (const e of model.edges()) if (keep({ target: 'edge', item: e })) out.push({ target: 'edge', item: e });
    return out.sort(byCreation);
  };
  return { model, focus, label, all };
}

function OpenProposals() {
  const { model, focus, label, all } = useItems();
  const review = useReview();
  const dialogs = useDialogs();
  const open = createMemo(() => all((x) => x.item.provenance.status === 'proposed'));
  const nodes = () => open().filter((x) => x.target === 'node');
  const edges = () => open().filter((x) => x.target === 'edge');
  const Row = (props: { x: Item }) => {
    const p = () => props.x.item.provenance;
    const ref = () => (props.x.target === 'node' ? { node: props.x.item.id } : { edge: props.x.item.id });
    const focusId = () => (props.x.target === 'node' ? props.x.item.id : (props.x.item as GraphEdge).from);
    return (
      <li class="review-row">
        <div class="review-row-main">
          <button
            type="button"
            class="link-target"
            aria-label={fmt(t().review.showItem, { label: label(props.x) })}
            onClick={() => focus(focusId())}
          >
            {label(props.x)}
          </button>
          <Show when={props.x.target === 'node'}>
            <span class="link-kind">{loc(NODE_KIND_DEFS[(props.x.item as GraphNode).kind].label)}</span>
          </Show>
        </div>
        <span class="review-row-meta">
          {p().createdBy
            ? fmt(t().review.proposedBy, { name: p().createdBy!.name, date: formatDate(p().createdAt ?? 0) })
            : fmt(t().review.proposedOn, { date: formatDate(p().createdAt ?? 0) })}
        </span>
        <Show when={model.rules.mayConfirm}>
          <span class="review-row-actions">
            <button
              type="button"
              class="btn btn-small btn-primary"
              aria-label={fmt(t().review.confirmFor, { label: label(props.x) })}
              onClick={() => review.confirm(ref())}
            >
              {t().panel.confirmProposal}
            </button>
            <button
              type="button"
              class="btn btn-small btn-danger-outline"
              aria-label={fmt(t().review.rejectFor, { label: label(props.x) })}
              onClick={() => dialogs.askReject(ref())}
            >
              {t().panel.rejectProposal}
            </button>
          </span>
        </Show>
      </li>
    );
  };
  return (
    <div class="review-proposals">
      <p class="review-intro">{t().review.proposalsIntro}</p>
      <Show when={open().length > 0} fallback={<p class="muted">{t().review.proposalsEmpty}</p>}>
        <Show when={nodes().length > 0}>
          <h3>{t().review.itemProposals}</h3>
          <ul class="review-list" aria-label={t().review.itemProposals}>
            <For each={nodes()}>{(x) => <Row x={x} />}</For>
          </ul>
        </Show>
        <Show when={edges().length > 0}>
          <h3>{t().review.linkProposals}</h3>
          <ul class="review-list" aria-label={t().review.linkProposals}>
            <For each={edges()}>{(x) => <Row x={x} />}</For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}

function MyProposals() {
  const { model, focus, label, all } = useItems();
  const review = useReview();
  const me = model.session.actor.id;
  const mine = createMemo(() => all((x) => x.item.provenance.createdBy?.id === me).reverse());
  const rejected = () => review.outcomes().filter((o) => o.result === 'rejected');
  return (
    <div class="review-proposals">
      <h3>{t().review.myProposals}</h3>
      <p class="review-intro">{t().review.myProposalsIntro}</p>
      <Show when={mine().length > 0} fallback={<p class="muted">{t().review.myProposalsEmpty}</p>}>
        <ul class="review-list" aria-label={t().review.myProposals}>
          <For each={mine()}>
            {(x) => {
              const p = () => x.item.provenance;
              return (
                <li class="review-row">
                  <div class="review-row-main">
                    <button
                      type="button"
                      class="link-target"
                      onClick={() => focus(x.target === 'node' ? x.item.id : (x.item as GraphEdge).from)}
                    >
                      {label(x)}
                    </button>
                  </div>
                  <span class="review-row-meta" classList={{ 'state-waiting': p().status === 'proposed' }}>
                    {p().status === 'proposed'
                      ? t().review.waiting
                      : fmt(t().review.confirmedState, {
                          name: p().verifiedBy?.name ?? '',
                          date: formatDate(p().verifiedAt ?? 0),
                        })}
                  </span>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={rejected().length > 0}>
        <h3>{t().review.outcomes}</h3>
        <ul class="review-list" aria-label={t().review.outcomes}>
          <For each={rejected()}>
            {(o) => (
              <li class="review-row">
                <span class="review-row-main">{o.label}</span>
                <span class="review-row-meta state-rejected">{t().review.rejectedState}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
