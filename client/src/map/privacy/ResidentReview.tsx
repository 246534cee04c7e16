/** Resident key figures without consent or past their retention date, for editors to renew or forget. */
import { For, Show, createMemo } from 'solid-js';
import { residentReview } from '@schema';
import { t } from '@i18n';
import { useMap } from '@map/ui-kit';

export function ResidentReview() {
  const { model, focus } = useMap();
  const items = createMemo(() => (model.version(), residentReview(model.store, Date.now())));
  return (
    <section class="resident-review" aria-labelledby="resident-review-title">
      <h3 id="resident-review-title">{t().privacy.residentsTitle}</h3>
      <Show when={items().length} fallback={<p class="muted">{t().privacy.residentsNone}</p>}>
        <ul aria-labelledby="resident-review-title">
          <For each={items()}>
            {(r) => (
              <li>
                <button type="button" class="link-button" onClick={() => focus(r.node.id)}>
                  {r.node.label}
                </button>{' '}
                <span class="muted">
                  {r.issues.map((i) => t().privacy.residentIssues[i]).join(', ')}
                  {typeof r.node.fields.retentionUntil === 'string' ? ` (${r.node.fields.retentionUntil})` : ''}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
