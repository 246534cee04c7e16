/**
 * Logic several features share, pure (no Solid, no DOM, no interface language): text
 * folding for matching, how an item reads in one line, the area hierarchy, form drafts
 * and which fields an item shows. Importable by unit tests as it is.
 */
export { type AreaOption, type GraphLike, areaTree, areaWithSubAreas, sameOptions } from './areas';
export {
  type Draft,
  type DraftResult,
  type Validated,
  draftsOf,
  labelDef,
  validateDraft,
  validateDrafts,
} from './drafts';
export { shownFields, valuesToDrop } from './field-visibility';
export { collator, detailOf, kindLabel } from './item-text';
export { fold, foldedWords, words } from './text-fold';
