/** Short messages: what was refused and why, what happened. Announced to screen readers. */
import { For } from 'solid-js';
import { t } from '@i18n';
import { useNotices } from '@map/ui-kit';
import './header.css';

export function Notices() {
  const { notices } = useNotices();
  return (
    <div class="notices" aria-label={t().notices} aria-live="polite">
      <For each={notices()}>
        {(n) => (
          <p class={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : undefined}>
            {n.text}
          </p>
        )}
      </For>
    </div>
  );
}
