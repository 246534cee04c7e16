/**
 * Issue 12, the activity feed's pure logic: merging pages (forward, back, repeats moved to
 * a new seq), the words of an entry, and the moments of the "since" presets.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@schema';
import { entriesSince, mergePages, oldestSeq, pageWasFull, supersedes } from '@map/review/activity-pages';
import { type ActivityFormat, type ActivityWords, entrySentence, entryText } from '@map/review/activity-text';
import { dayOf, presetMoment, startOfDayBefore } from '@map/review/since-presets';
import { en, nl } from '../../client/src/i18n/sections/review';

// Days are Amsterdam's, with its clock changes (Node reads TZ when it changes).
process.env.TZ = 'Europe/Amsterdam';

const esther = { id: 'inv-esther', name: 'Esther' };
const fenna = { id: 'inv-fenna', name: 'Fenna' };
const MIN = 60_000;
const T = Date.UTC(2026, 2, 3, 9, 0); // 3 March 2026, 10:00 in Amsterdam

const entry = (e: Partial<ActivityEntry> & Pick<ActivityEntry, 'seq'>): ActivityEntry => ({
  at: T + e.seq * MIN,
  firstAt: e.at ?? T + e.seq * MIN,
  count: 1,
  actor: esther,
  target: 'node',
  id: 'zuid',
  change: 'note',
  fields: [],
  ...e,
});
const seqs = (es: readonly ActivityEntry[]) => es.map((e) => e.seq);

describe('merging pages of the feed', () => {
  it('appends an older page and puts a newer one on top, each entry once', () => {
    const first = [entry({ seq: 9, id: 'a' }), entry({ seq: 8, id: 'b' })];
    const older = [entry({ seq: 8, id: 'b' }), entry({ seq: 5, id: 'c' }), entry({ seq: 2, id: 'd' })];
    const newer = [entry({ seq: 12, id: 'e' })];
    expect(seqs(mergePages(first, older))).toEqual([9, 8, 5, 2]);
    expect(seqs(mergePages(newer, mergePages(first, older)))).toEqual([12, 9, 8, 5, 2]);
    expect(seqs(mergePages(newer, first, 2))).toEqual([12, 9]);
    expect(oldestSeq(mergePages(first, older))).toBe(2);
    expect(oldestSeq([])).toBeUndefined();
  });

  it('replaces an entry that moved to a new seq (a repeat) by its newer copy', () => {
    const typing = entry({ seq: 4, at: T + 4 * MIN, firstAt: T + 2 * MIN, count: 5 });
    const rename = entry({ seq: 5, change: 'updated', fields: ['label'], id: 'kroon', actor: fenna });
    const moved = { ...typing, seq: 7, at: T + 6 * MIN, count: 9 };
    const merged = mergePages([moved], [rename, typing]);
    expect(seqs(merged)).toEqual([7, 5]);
    expect(merged[0]!.count).toBe(9);
    // Whichever list it comes in.
    expect(seqs(mergePages([rename, typing], [moved]))).toEqual([7, 5]);
    expect(supersedes(moved, typing)).toBe(true);
    expect(supersedes(typing, moved)).toBe(false);
  });

  it('keeps repeats apart that are another person, item, kind of change, fields, or a later run', () => {
    const note = entry({ seq: 3 });
    const others = [
      entry({ seq: 10, actor: fenna }),
      entry({ seq: 11, id: 'kroon' }),
      entry({ seq: 12, change: 'updated', fields: ['phone'] }),
      entry({ seq: 13, change: 'updated', fields: ['phone', 'email'] }),
      entry({ seq: 14, actor: null }),
      // The same note again after the window: a run of its own (it began after the first ended).
      entry({ seq: 20, at: T + 60 * MIN, firstAt: T + 40 * MIN, count: 2 }),
    ];
    expect(seqs(mergePages(others, [note]))).toEqual([20, 14, 13, 12, 11, 10, 3]);
    // Changes that are not counted, made in the same millisecond: each its own.
    const checks = [1, 2, 3].map((seq) => entry({ seq, change: 'verified', at: T, firstAt: T }));
    expect(seqs(mergePages(checks, []))).toEqual([3, 2, 1]);
    const phone = entry({ seq: 12, change: 'updated', fields: ['phone'] });
    const phoneAgain = { ...phone, seq: 15, count: 2, at: phone.at + MIN };
    expect(seqs(mergePages([phoneAgain], others))).toEqual([20, 15, 14, 13, 11, 10]);
  });

  it('says when a page came back full, and filters by the moment chosen', () => {
    expect(pageWasFull(100, 100)).toBe(true);
    expect(pageWasFull(37, 100)).toBe(false);
    const es = [entry({ seq: 3, at: T + 30 * MIN, firstAt: T - 30 * MIN }), entry({ seq: 2, at: T - MIN })];
    expect(seqs(entriesSince(es, T))).toEqual([3]);
    expect(seqs(entriesSince(es, null))).toEqual([3, 2]);
  });
});

describe('the words of an entry', () => {
  const format = (locale: string): ActivityFormat => {
    const list = new Intl.ListFormat(locale, { type: 'conjunction' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    const moment = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      fieldList: (l) => list.format(l),
      time: (ms) => time.format(ms),
      moment: (ms) => moment.format(ms),
      sameDay: (a, b) => dayOf(a) === dayOf(b),
    };
  };
  const say = (e: ActivityEntry, fields: string[], item: string, words: ActivityWords = nl, locale = 'nl-NL') =>
    entrySentence(e.actor?.name ?? 'Buurtweb', item, entryText(e, fields, words, format(locale)));

  it('says a repeated note once, with how often and from when to when', () => {
    const typing = entry({ seq: 1, count: 12, firstAt: T + 2 * MIN, at: T + 14 * MIN });
    expect(say(typing, [], 'Buurtteam Zuid')).toBe(
      'Esther schreef in de notitie van Buurtteam Zuid, 12× (10:02–10:14)',
    );
    expect(say(typing, [], 'Buurtteam Zuid', en, 'en-GB')).toBe(
      'Esther wrote in the note of Buurtteam Zuid, 12× (10:02–10:14)',
    );
    // Within the same minute: no span that says nothing.
    expect(say({ ...typing, count: 3, firstAt: T + 14 * MIN }, [], 'Buurtteam Zuid')).toBe(
      'Esther schreef in de notitie van Buurtteam Zuid, 3×',
    );
  });

  it('names the fields changed, and a run over midnight with its days', () => {
    const phone = entry({ seq: 1, actor: fenna, change: 'updated', fields: ['phone'], count: 3, firstAt: T, at: T });
    expect(say(phone, ['Telefoon'], 'Buurthuis De Kroon')).toBe('Fenna wijzigde Telefoon van Buurthuis De Kroon, 3×');
    const two = entry({ seq: 2, actor: fenna, change: 'updated', fields: ['label', 'phone'] });
    expect(say(two, ['Naam', 'Telefoon'], 'De Kroon')).toBe('Fenna wijzigde Naam en Telefoon van De Kroon');
    expect(say(two, ['Name', 'Phone'], 'De Kroon', en, 'en-GB')).toBe('Fenna changed Name and Phone of De Kroon');
    // Without named fields, as before.
    expect(say(entry({ seq: 3, change: 'updated', fields: [] }), [], 'De Kroon')).toBe('Esther wijzigde De Kroon');
    expect(say(entry({ seq: 4, change: 'created' }), [], 'De Kroon')).toBe('Esther maakte De Kroon');
    const late = Date.UTC(2026, 2, 3, 22, 50); // 23:50 in Amsterdam
    const night = entry({ seq: 5, count: 4, firstAt: late, at: late + 20 * MIN });
    expect(say(night, [], 'Zuid')).toMatch(
      /^Esther schreef in de notitie van Zuid, 4× \(3 mrt.* 23:50–4 mrt.* 00:10\)$/,
    );
  });
});

describe('the "since" presets', () => {
  it('start at midnight of the local day, also across a clock change', () => {
    // Monday 30 March 2026, 09:15 in Amsterdam (summer time since Sunday 29 March, 02:00).
    const now = Date.UTC(2026, 2, 30, 7, 15);
    // Yesterday: Sunday 29 March from midnight, still winter time (UTC+1); 23 hours long.
    expect(new Date(presetMoment('yesterday', now, undefined)!).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // A week back: Monday 23 March, midnight winter time.
    expect(new Date(presetMoment('week', now, undefined)!).toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(presetMoment('lastVisit', now, 1234)).toBe(1234);
    expect(presetMoment('lastVisit', now, undefined)).toBeUndefined();
    // Just after midnight "yesterday" is still the whole day before.
    const justAfter = Date.UTC(2026, 9, 24, 22, 5); // Sunday 25 Oct 00:05 (summer time until 03:00)
    expect(new Date(startOfDayBefore(justAfter, 1)).toISOString()).toBe('2026-10-23T22:00:00.000Z');
    expect(dayOf(justAfter)).toBe('2026-10-25');
  });
});
