/**
 * Short messages every feature posts (what happened, what was refused and why); the
 * header's Notices shows them. Created by the map page; read with useNotices().
 */
import { type Accessor, createSignal } from 'solid-js';
import { t } from '@i18n';
import type { ActionError } from '@sync/map-model';
import { featureContext } from './feature-context';

const DEFAULTS = {
  /** Notices shown at once: a new one pushes the oldest out. */
  maxShown: 4,
  /** How long a notice stays, ms; an error longer, to be read. */
  infoMs: 4000,
  errorMs: 8000,
} as const;

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

export interface NoticesState {
  notices: Accessor<Notice[]>;
  notify(text: string, kind?: 'info' | 'error'): void;
  /** Shows why an operation was refused. */
  reportError(err: ActionError): void;
}

export function createNotices(): NoticesState {
  const [notices, setNotices] = createSignal<Notice[]>([]);
  let noticeId = 0;
  const notify = (text: string, kind: 'info' | 'error' = 'info') => {
    const id = ++noticeId;
    setNotices((n) => [...n.slice(-(DEFAULTS.maxShown - 1)), { id, text, kind }]);
    setTimeout(
      () => setNotices((n) => n.filter((x) => x.id !== id)),
      kind === 'error' ? DEFAULTS.errorMs : DEFAULTS.infoMs,
    );
  };
  return {
    notices,
    notify,
    reportError: (err) => notify(t().errors[err.code] ?? err.message, 'error'),
  };
}

const context = featureContext<NoticesState>('useNotices()');
export const NoticesProvider = context.Provider;
export const useNotices = context.use;
