/**
 * The moments "what changed since…" offers at one press, pure: since yesterday, the last
 * week, since this device's previous visit. Days are calendar days where one is (the
 * local time zone, Europe/Amsterdam for the teams), so a day of a clock change is still
 * one day, midnight to midnight.
 */

export type SincePreset = 'yesterday' | 'week' | 'lastVisit';

export const SINCE_PRESETS: readonly SincePreset[] = ['yesterday', 'week', 'lastVisit'];

/** Midnight (local) starting the day `daysBack` days before the day of `now`. */
export function startOfDayBefore(now: number, daysBack: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysBack).getTime();
}

/** The moment a preset stands for at `now`; undefined for "previous visit" without one. */
export function presetMoment(preset: SincePreset, now: number, lastVisit: number | undefined): number | undefined {
  switch (preset) {
    case 'yesterday':
      return startOfDayBefore(now, 1);
    case 'week':
      // The last seven days and today: from the start of the same weekday a week ago.
      return startOfDayBefore(now, 7);
    case 'lastVisit':
      return lastVisit;
  }
}

/** yyyy-mm-dd of a moment, in local time (what a date input holds). */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
