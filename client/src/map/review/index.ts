/**
 * Keeping the map current: the review panel (stale items, proposals, activity), its
 * state (freshness marks, "what changed since…", outcomes), and the pieces other
 * features read (when an item goes stale, this device's visits).
 */
export type { ChangedSince, ChangesSince } from './changes-since';
export { staleFromOf } from './freshness';
export { ReviewPanel } from './ReviewPanel';
export { type ReviewState, type ReviewTab, ReviewProvider, createReviewState, useReview } from './state';
export { recordVisit } from './visits';
