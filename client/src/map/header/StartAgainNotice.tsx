/**
 * Why the map was just loaded again: the server refused a change from this device
 * (close code 4409), so the local copy was replaced by the server's. Stays until the
 * person has read it; the server's own reason (in English) is there for whoever helps them.
 */
import { t } from '@i18n';
import type { RoleRules } from '@sync/role-rules';
import './header.css';

export function StartAgainNotice(props: { rules: RoleRules; reason: string; onClose: () => void }) {
  /** What this device may not do, which is the likely reason the server refused. */
  const why = () => {
    const r = t().review;
    if (!props.rules.mayCreate) return r.startAgainViewer;
    if (props.rules.proposes) return r.startAgainContributor;
    if (!props.rules.maySetSettings) return r.startAgainEditor;
    return r.startAgainOther;
  };
  return (
    <div class="start-again" role="alert" aria-labelledby="start-again-title">
      <div>
        <h2 id="start-again-title">{t().review.startAgainTitle}</h2>
        <p>{why()}</p>
        <p>{t().review.startAgainAfter}</p>
        {props.reason && (
          <details>
            <summary>{t().review.startAgainReason}</summary>
            <p lang="en">{props.reason}</p>
          </details>
        )}
      </div>
      <button type="button" class="btn" onClick={() => props.onClose()}>
        {t().review.understood}
      </button>
    </div>
  );
}
