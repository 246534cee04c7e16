/**
 * How an item reads in one line (its kind, a short description) and how names sort in
 * the interface language: shared by the list's rows, the search results and the selects.
 * Pure: the language is a parameter.
 */
import { type GraphNode, type Lang, NODE_KIND_DEFS } from '@schema';

/** The kind's label ("Persoon"). */
export function kindLabel(node: GraphNode, lang: Lang): string {
  return NODE_KIND_DEFS[node.kind].label[lang];
}

/**
 * A short description beside the name: the label of the kind's first enum value
 * (role, type of organisation, status, level, type of theme), or a place's address.
 */
export function detailOf(node: GraphNode, lang: Lang): string {
  for (const [key, def] of Object.entries(NODE_KIND_DEFS[node.kind].fields)) {
    const v = node.fields[key];
    if (def.type === 'enum' && typeof v === 'string') return def.options[v]?.[lang] ?? '';
  }
  const address = node.fields.address;
  return typeof address === 'string' ? address : '';
}

/** A collator for names as people of this language sort them (numbers as numbers). */
export function collator(lang: Lang): Intl.Collator {
  return new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
}
