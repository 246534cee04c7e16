/** Who added, changed and last confirmed an item, and when: how current it is. */
import { Show } from 'solid-js';
import type { Actor, Provenance } from '@schema';
import { fmt, t } from '@i18n';
import { formatMoment } from '@map/ui-kit';

function line(by: Actor | undefined, at: number | undefined, withName: string, withoutName: string) {
  if (at === undefined) return undefined;
  const date = formatMoment(at);
  return by ? fmt(withName, { name: by.name, date }) : fmt(withoutName, { date });
}

export function ProvenanceView(props: { provenance: Provenance }) {
  const p = () => props.provenance;
  const panel = () => t().panel;
  const added = () => line(p().createdBy, p().createdAt, panel().addedBy, panel().addedOn);
  // A change stamped at the very moment of creation is the creation itself: not repeated.
  const updated = () =>
    p().updatedAt === p().createdAt
      ? undefined
      : line(p().updatedBy, p().updatedAt, panel().updatedBy, panel().updatedOn);
  const verified = () => line(p().verifiedBy, p().verifiedAt, panel().verifiedBy, panel().verifiedOn);
  return (
    <section class="panel-provenance" aria-label={panel().provenance}>
      <Show when={added()}>{(text) => <p>{text()}</p>}</Show>
      <Show when={updated()}>{(text) => <p>{text()}</p>}</Show>
      <Show when={verified()}>{(text) => <p>{text()}</p>}</Show>
    </section>
  );
}
