/**
 * What an entry of the activity feed says, pure: "Esther schreef in de notitie van
 * Buurtteam Zuid, 12× (10:02–10:14)", "Fenna wijzigde Telefoon van Buurthuis De Kroon,
 * 3×". The person and the item are parts of their own (the item is a button to it); the
 * words come from the interface language (i18n/sections/review.ts).
 */
import type { ActivityEntry } from '@schema';

export interface ActivityWords {
  /** The verb phrase before the item, per kind of change ("schreef in de notitie van"). */
  changes: Record<string, string>;
  /** For `updated` with named fields: "wijzigde {fields} van". */
  changedFields: string;
  /** A repeated change: ", {n}×". */
  repeats: string;
  /** When a repeated change began and ended: " ({from}–{to})". */
  span: string;
}

export interface ActivityFormat {
  /** The fields' names, in order, as one phrase ("Telefoon en E-mail"). */
  fieldList(labels: readonly string[]): string;
  /** A time of day ("10:02"). */
  time(ms: number): string;
  /** A moment with its day ("3 mrt, 23:50"), for a run over midnight. */
  moment(ms: number): string;
  /** Whether two moments fall on the same (local) day. */
  sameDay(a: number, b: number): boolean;
}

export interface EntryText {
  /** What stands between the person and the item. */
  verb: string;
  /** What follows the item: the count and the span of a repeated change, or ''. */
  after: string;
}

/** Fills `{name}` placeholders (as i18n's fmt). */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The words of one entry around its person and item; `fieldLabels` names its fields. */
export function entryText(
  e: ActivityEntry,
  fieldLabels: readonly string[],
  words: ActivityWords,
  f: ActivityFormat,
): EntryText {
  const verb =
    e.change === 'updated' && fieldLabels.length > 0
      ? fill(words.changedFields, { fields: f.fieldList(fieldLabels) })
      : (words.changes[e.change] ?? e.change);
  const count = Number.isFinite(e.count) && e.count > 1 ? Math.floor(e.count) : 1;
  if (count === 1) return { verb, after: '' };
  const first = Number.isFinite(e.firstAt) ? Math.min(e.firstAt, e.at) : e.at;
  const from = f.sameDay(first, e.at) ? f.time(first) : f.moment(first);
  const to = f.sameDay(first, e.at) ? f.time(e.at) : f.moment(e.at);
  const span = from === to ? '' : fill(words.span, { from, to });
  return { verb, after: fill(words.repeats, { n: count }) + span };
}

/** The whole sentence as text: person, verb, item and what follows. */
export function entrySentence(who: string, item: string, text: EntryText): string {
  return `${who} ${text.verb} ${item}${text.after}`;
}
