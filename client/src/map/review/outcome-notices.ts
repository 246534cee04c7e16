/**
 * A contributor hears when an editor decides on one of their proposals (a notice), and
 * the review panel lists what was decided while the map is open.
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { fmt, t } from '@i18n';
import type { MapModel } from '@sync/map-model';
import { edgeSentence } from '@map/ui-kit';
import { type Outcome, OutcomeTracker } from './proposal-outcomes';

const DEFAULTS = {
  /** Decisions kept for the review panel, newest first. */
  keep: 50,
} as const;

/** Decisions on this person's proposals, newest first (empty for other roles). */
export function watchOutcomes(model: MapModel, notify: (text: string) => void): Accessor<Outcome[]> {
  const [outcomes, setOutcomes] = createSignal<Outcome[]>([]);
  if (!model.rules.proposes) return outcomes;
  const label = (id: string) => model.store.nodes.get(id)?.label;
  const tracker = new OutcomeTracker(model.session.actor.id, {
    node: (n) => n.label,
    edge: (e) => edgeSentence(e, label),
  });
  tracker.seed(model.store.nodes.values(), model.store.edges.values());
  onCleanup(
    model.subscribe((change) => {
      const decided = tracker.apply(change);
      if (!decided.length) return;
      setOutcomes((o) => [...decided.reverse(), ...o].slice(0, DEFAULTS.keep));
      const r = t().review;
      for (const d of decided) {
        if (d.result === 'rejected') notify(fmt(r.outcomeRejected, { label: d.label }));
        else if (d.by) notify(fmt(r.outcomeConfirmedBy, { label: d.label, name: d.by }));
        else notify(fmt(r.outcomeConfirmed, { label: d.label }));
      }
    }),
  );
  return outcomes;
}
