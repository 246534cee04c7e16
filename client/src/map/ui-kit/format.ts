/** Dates and numbers in the interface language's conventions. */
import { lang } from '@i18n';

function locale(): string {
  return lang() === 'nl' ? 'nl-NL' : 'en-GB';
}

/** A moment (ms since the epoch): "3 mrt 2026, 14:05". */
export function formatMoment(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The day of a moment: "3 mrt 2026". */
export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(ms);
}

/** A calendar date stored as yyyy-mm-dd, read as that day wherever one is. */
export function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
}
