/** The create dialog's "there is already an item like this" check: pure name matching. */
import { describe, expect, it } from 'vitest';
import { editDistance, foldName, likelyDuplicates } from '@map/dialogs/duplicates';

const items = [
  { id: 'o1', kind: 'organisation', label: 'Buurthuis De Brug' },
  { id: 'o2', kind: 'organisation', label: 'Voedselbank Utrecht' },
  { id: 'o3', kind: 'organisation', label: 'Café Émile' },
  { id: 'o4', kind: 'organisation', label: 'Ons' },
  { id: 'p1', kind: 'person', label: 'Buurthuis De Brug' },
];

describe('duplicate names', () => {
  it('folds diacritics, case, spacing and punctuation', () => {
    expect(foldName('  Café  De-Brug ')).toBe('cafedebrug');
    expect(foldName('CAFÉ ÉMILE')).toBe(foldName('cafe emile'));
  });

  it('measures edits and gives up beyond the limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
  });

  it('finds the same name of the same kind, whatever its case, accents and spaces', () => {
    expect(likelyDuplicates('buurthuis de brug', 'organisation', items).map((i) => i.id)).toEqual(['o1']);
    expect(likelyDuplicates('Buurthuis  DeBrug', 'organisation', items).map((i) => i.id)).toEqual(['o1']);
    expect(likelyDuplicates('cafe emile', 'organisation', items).map((i) => i.id)).toEqual(['o3']);
    expect(likelyDuplicates('Buurthuis De Brug', 'person', items).map((i) => i.id)).toEqual(['p1']);
  });

  it('allows a typo or two in longer names, none in short ones', () => {
    expect(likelyDuplicates('Buurthuis de Bruggg', 'organisation', items).map((i) => i.id)).toEqual(['o1']);
    expect(likelyDuplicates('Voedselbnk Utrecht', 'organisation', items).map((i) => i.id)).toEqual(['o2']);
    expect(likelyDuplicates('Café Emil', 'organisation', items).map((i) => i.id)).toEqual(['o3']);
    expect(likelyDuplicates('Oms', 'organisation', items)).toEqual([]);
    expect(likelyDuplicates('Ons', 'organisation', items).map((i) => i.id)).toEqual(['o4']);
  });

  it('does not match other names, other kinds or an empty name', () => {
    expect(likelyDuplicates('Buurthuis Het Anker', 'organisation', items)).toEqual([]);
    expect(likelyDuplicates('Voedselbank Utrecht', 'person', items)).toEqual([]);
    expect(likelyDuplicates('   ', 'organisation', items)).toEqual([]);
  });

  it('puts exact matches first', () => {
    const two = [
      { id: 'a', kind: 'place', label: 'Speeltuin Zuidpark' },
      { id: 'b', kind: 'place', label: 'Speeltuin Zuidpart' },
    ];
    expect(likelyDuplicates('speeltuin zuidpart', 'place', two).map((i) => i.id)).toEqual(['b', 'a']);
  });
});
