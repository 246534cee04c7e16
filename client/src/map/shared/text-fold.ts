/**
 * Text folding for matching as Dutch users type: lowercase, without diacritics (é→e,
 * ë→e, ç→c, ş→s, ğ→g, ı→i), split on anything that is not a letter or digit, so that
 * "Kanaleneiland-Zuid" is found by "zuid" and "Ayşe" by "ayse". Shared by the search
 * index and the list filter so both agree on what "matches" means.
 */

// Letters that Unicode does not decompose into base letter + mark, so NFD leaves them.
const UNDECOMPOSED: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const UNDECOMPOSED_RE = /[ıøłđðßæœþ]/g;
const MARKS_RE = /\p{M}+/gu;
// Marks are kept while splitting: tokens are split before they are folded.
const SEPARATOR_RE = /[^\p{L}\p{M}\p{N}]+/u;

/** Lowercase without diacritics ("Ayşe Kartaloğlu" → "ayse kartaloglu"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c]!);
}

/** Words of a text: split on spaces, hyphens, punctuation ("Kanaleneiland-Zuid" → 2 words). */
export function words(text: string): string[] {
  return text.split(SEPARATOR_RE).filter((w) => w !== '');
}

/** Folded words of a query, for substring matching against a folded text. */
export function foldedWords(text: string): string[] {
  return words(text)
    .map(fold)
    .filter((w) => w !== '');
}
