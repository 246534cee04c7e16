/**
 * "Wat is er veranderd sinds…": a date, or this device's previous visit; the items the
 * feed lists as changed since then are highlighted on the canvas and in the list until
 * the highlight is cleared.
 */
import { Show, createSignal, createUniqueId } from 'solid-js';
import { ACTIVITY_PAGE } from '@schema';
import { fmt, t } from '@i18n';
import { formatMoment, useMap } from '@map/ui-kit';
import { useReview } from './state';

/** yyyy-mm-dd of a moment, in local time (what a date input holds). */
function dayOf(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function ChangesSinceControl() {
  const { model } = useMap();
  const review = useReview();
  const id = createUniqueId();
  const [day, setDay] = createSignal(dayOf(review.lastVisit ?? Date.now()));
  const count = () => {
    const s = review.changes.state();
    return s ? [...s.nodes].filter((n) => model.node(n)).length : 0;
  };
  const showDay = () => {
    const at = new Date(`${day()}T00:00:00`).getTime();
    if (Number.isFinite(at)) review.changes.show(at);
  };

  return (
    <fieldset class="review-since">
      <legend>{t().review.since}</legend>
      <div class="since-row">
        <label for={id}>{t().review.sinceDate}</label>
        <input
          id={id}
          type="date"
          max={dayOf(Date.now())}
          value={day()}
          onInput={(e) => setDay(e.currentTarget.value)}
        />
        <button type="button" class="btn btn-small" disabled={!day()} onClick={showDay}>
          {t().review.sinceShow}
        </button>
      </div>
      <Show when={review.lastVisit} fallback={<p class="muted">{t().review.noLastVisit}</p>}>
        {(at) => (
          <button type="button" class="btn btn-small" onClick={() => review.changes.show(at())}>
            {fmt(t().review.sinceLastVisitAt, { date: formatMoment(at()) })}
          </button>
        )}
      </Show>
      <Show when={review.changes.since()}>
        {(since) => (
          <div class="since-active">
            <p role="status">
              <Show when={review.changes.state()} fallback={t().review.loading}>
                {count() === 0
                  ? fmt(t().review.sinceNone, { date: formatMoment(since()) })
                  : fmt(count() === 1 ? t().review.sinceActive1 : t().review.sinceActiveN, {
                      n: count(),
                      date: formatMoment(since()),
                    })}
              </Show>
            </p>
            <Show when={review.changes.state()?.truncated}>
              <p class="muted">{fmt(t().review.truncated, { n: ACTIVITY_PAGE })}</p>
            </Show>
            <Show when={review.changes.failed()}>
              <p class="muted">{t().review.unreachable}</p>
            </Show>
            <button type="button" class="btn btn-small" onClick={() => review.changes.clear()}>
              {t().review.clearHighlight}
            </button>
          </div>
        )}
      </Show>
    </fieldset>
  );
}
