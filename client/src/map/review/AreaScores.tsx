/** Freshness per area: the share of its confirmed items confirmed within the period. */
import { For, Show, createMemo } from 'solid-js';
import { areaFreshness } from '@schema';
import { fmt, lang, t } from '@i18n';
import { collator } from '@map/shared';
import { useMap } from '@map/ui-kit';
import { useReview } from './state';

export function AreaScores(props: { onPick: (areaId: string) => void }) {
  const { model } = useMap();
  const review = useReview();
  const scores = createMemo(() => {
    model.version();
    const coll = collator(lang());
    return areaFreshness(model.store, model.freshnessMonths(), review.now()).sort((a, b) =>
      coll.compare(a.area.label, b.area.label),
    );
  });
  const percent = (share: number) =>
    new Intl.NumberFormat(lang() === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent' }).format(share);
  return (
    <section class="review-scores" aria-labelledby="review-scores-title">
      <h3 id="review-scores-title">{t().review.scores}</h3>
      <p class="review-intro">{t().review.scoresIntro}</p>
      <Show when={scores().length > 0} fallback={<p class="muted">{t().review.noAreas}</p>}>
        <table class="score-table">
          <thead>
            <tr>
              <th scope="col">{t().review.scoreArea}</th>
              <th scope="col">{t().review.scoreShare}</th>
            </tr>
          </thead>
          <tbody>
            <For each={scores()}>
              {(s) => (
                <tr>
                  <th scope="row">
                    <button type="button" class="link-target" onClick={() => props.onPick(s.area.id)}>
                      {s.area.label}
                    </button>
                  </th>
                  <td>
                    <span class="score-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round(s.share * 100)}%` }} />
                    </span>
                    <span class="score-text">
                      {percent(s.share)}{' '}
                      <span class="muted">({fmt(t().review.scoreCount, { fresh: s.fresh, items: s.items })})</span>
                    </span>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
