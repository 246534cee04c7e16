/**
 * How links read: which kinds fit between two items (in either direction) and the
 * phrase or sentence a link makes from one side ("werkt bij" / "heeft als medewerker").
 */
import { EDGE_KIND_DEFS, type EdgeKind, type GraphEdge, type NodeKind, edgeKindsBetween } from '@schema';
import { loc } from '@i18n';

/** A kind of link between a and b; `reversed` means it runs from b to a. */
export interface LinkOption {
  kind: EdgeKind;
  reversed: boolean;
}

export function optionKey(o: LinkOption): string {
  return `${o.kind}:${o.reversed ? 'ba' : 'ab'}`;
}

/**
 * Every kind of link that fits between an item of kind a and one of kind b: a → b
 * first, then b → a. A symmetric kind is offered once (both ways are the same link).
 */
export function linkOptions(a: NodeKind, b: NodeKind): LinkOption[] {
  const forward = edgeKindsBetween(a, b).map((kind) => ({ kind, reversed: false }));
  const backward = edgeKindsBetween(b, a)
    .filter((kind) => !EDGE_KIND_DEFS[kind].symmetric)
    .map((kind) => ({ kind, reversed: true }));
  return [...forward, ...backward];
}

/** "Fatima werkt bij Buurtteam": the link read from its `from` side. */
export function linkSentence(kind: EdgeKind, fromLabel: string, toLabel: string): string {
  return `${fromLabel} ${loc(EDGE_KIND_DEFS[kind].label)} ${toLabel}`;
}

/** A link as its sentence, with the ends' labels looked up (an empty string for a missing end). */
export function edgeSentence(
  e: Pick<GraphEdge, 'kind' | 'from' | 'to'>,
  label: (id: string) => string | undefined,
): string {
  return linkSentence(e.kind, label(e.from) ?? '', label(e.to) ?? '');
}

/** The phrase a link reads as from the item `self`: its label or its inverse. */
export function phraseFrom(edge: Pick<GraphEdge, 'kind' | 'from'>, self: string): string {
  const def = EDGE_KIND_DEFS[edge.kind];
  return loc(def.symmetric || edge.from === self ? def.label : def.inverse);
}

/** The other end of a link, seen from `self`. */
export function otherEnd(edge: Pick<GraphEdge, 'from' | 'to'>, self: string): string {
  return edge.from === self ? edge.to : edge.from;
}
