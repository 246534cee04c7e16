/**
 * "Wat is er veranderd sinds…": a date, or at one press since yesterday, the past week or
 * this device's previous visit; the items the feed lists as changed since then are
 * highlighted on the canvas and in the list, and the activity feed shows only those
 * changes, until the highlight is cleared.
 */
import { Show, createSignal, createUniqueId } from 'solid-js';
import { ACTIVITY_PAGE } from '@schema';
import { fmt, t } from '@i18n';
import { formatMoment, useMap } from '@map/ui-kit';
import { type SincePreset, dayOf, presetMoment } from './since-presets';
import { useReview } from './state';

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
  /** The moment of a preset, taken when pressed (so "yesterday" follows the clock). */
  const at = (preset: SincePreset) => presetMoment(preset, review.now(), review.lastVisit);
  const pressed = (preset: SincePreset) => review.changes.since() !== null && review.changes.since() === at(preset);
  /** A preset on; pressed again, off (the highlight cleared). */
  const choose = (preset: SincePreset) => {
    const moment = at(preset);
    if (moment === undefined) return;
    if (pressed(preset)) return review.changes.clear();
    setDay(dayOf(moment));
    review.changes.show(moment);
  };
  const Preset = (props: { preset: SincePreset; label: string }) => (
    <button
      type="button"
      class="btn btn-small"
      aria-pressed={pressed(props.preset)}
      onClick={() => choose(props.preset)}
    >
      {props.label}
    </button>
  );

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
      <div class="since-presets" role="group" aria-label={t().review.sincePresets}>
        <Preset preset="yesterday" label={t().review.sinceYesterday} />
        <Preset preset="week" label={t().review.sinceWeek} />
        <Show when={review.lastVisit}>
          {(visit) => (
            <Preset preset="lastVisit" label={fmt(t().review.sinceLastVisitAt, { date: formatMoment(visit()) })} />
          )}
        </Show>
      </div>
      <Show when={!review.lastVisit}>
        <p class="muted">{t().review.noLastVisit}</p>
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
