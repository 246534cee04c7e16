/**
 * How current the shown item is: a proposal waiting for an editor (who confirms or
 * rejects it here), or a confirmed item that is current until a date or stale since one,
 * with "Klopt nog" (shortcut K) for editors and owners.
 */
import { Match, Show, Switch } from 'solid-js';
import type { GraphNode } from '@schema';
import { fmt, t } from '@i18n';
import { useDialogs } from '@map/dialogs';
import { staleFromOf, useReview } from '@map/review';
import { formatMoment, monthsText, useMap } from '@map/ui-kit';

export function FreshnessView(props: { node: GraphNode }) {
  const { model } = useMap();
  const review = useReview();
  const dialogs = useDialogs();
  const p = () => t().panel;
  const months = () => model.freshnessMonths();
  const staleAt = () => staleFromOf(props.node, months());
  const isStale = () => {
    const at = staleAt();
    return at !== undefined && review.now() >= at;
  };
  const mine = () => props.node.provenance.createdBy?.id === model.session.actor.id;

  return (
    <section
      class="panel-freshness"
      classList={{ 'is-stale': isStale(), 'is-proposal': props.node.provenance.status === 'proposed' }}
      aria-label={p().freshness}
    >
      <Switch>
        <Match when={props.node.provenance.status === 'proposed'}>
          <p>{mine() && !model.rules.mayConfirm ? p().proposalYours : p().proposalWaiting}</p>
          <Show when={model.rules.mayConfirm}>
            <div class="panel-actions">
              <button type="button" class="btn btn-primary" onClick={() => review.confirm({ node: props.node.id })}>
                {p().confirmProposal}
              </button>
              <button
                type="button"
                class="btn btn-danger-outline"
                onClick={() => dialogs.askReject({ node: props.node.id })}
              >
                {p().rejectProposal}
              </button>
            </div>
          </Show>
        </Match>
        <Match when={staleAt() !== undefined}>
          <Show
            when={isStale()}
            fallback={<p class="muted">{fmt(p().freshUntil, { date: formatMoment(staleAt()!) })}</p>}
          >
            <p class="stale-line">
              <strong>{fmt(p().staleSince, { date: formatMoment(staleAt()!) })}</strong>{' '}
              {fmt(p().staleHint, { months: monthsText(months()) })}
            </p>
          </Show>
          <Show when={model.rules.mayConfirm}>
            <button
              type="button"
              class="btn"
              classList={{ 'btn-primary': isStale() }}
              aria-keyshortcuts="K"
              title={`${p().stillCorrect} (K)`}
              onClick={() => review.stillCorrect(props.node.id)}
            >
              <span aria-hidden="true">✓ </span>
              {p().stillCorrect}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
