/**
 * Keeping the map current, in the left column instead of the list: the stale items
 * (review queue and freshness per area), the open proposals, and the activity feed with
 * "what changed since…". Opened and closed from the toolbar.
 */
// Named parts, not the `Tabs` object (see panel/Modal.tsx).
import * as Tabs from '@kobalte/core/tabs';
import { Show } from 'solid-js';
import { ResidentReview } from '@map/privacy';
import { t } from '@i18n';
import { useMap } from '@map/ui-kit';
import { type ReviewTab, useReview } from './state';
import { ActivityTab } from './ActivityTab';
import { ProposalsTab } from './ProposalsTab';
import { StaleTab } from './StaleTab';
import './review.css';

export function ReviewPanel() {
  const { model } = useMap();
  const review = useReview();
  return (
    <section class="review-panel" aria-label={t().review.title}>
      <header class="review-head">
        <h2>{t().review.title}</h2>
        <button
          type="button"
          class="icon-btn"
          aria-label={t().review.close}
          title={t().review.close}
          onClick={() => review.closePanel()}
        >
          ×
        </button>
      </header>
      <Tabs.Root class="review-tabs" value={review.tab()} onChange={(v) => review.openPanel(v as ReviewTab)}>
        <Tabs.List class="review-tab-list">
          <Tabs.Trigger class="review-tab" value="stale">
            {t().review.tabs.stale}
          </Tabs.Trigger>
          <Tabs.Trigger class="review-tab" value="proposals">
            {t().review.tabs.proposals}
          </Tabs.Trigger>
          <Tabs.Trigger class="review-tab" value="activity">
            {t().review.tabs.activity}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content class="review-tab-panel" value="stale">
          <StaleTab />
          <Show when={model.rules.mayConfirm}>
            <ResidentReview />
          </Show>
        </Tabs.Content>
        <Tabs.Content class="review-tab-panel" value="proposals">
          <ProposalsTab />
        </Tabs.Content>
        <Tabs.Content class="review-tab-panel" value="activity">
          <ActivityTab />
        </Tabs.Content>
      </Tabs.Root>
    </section>
  );
}
