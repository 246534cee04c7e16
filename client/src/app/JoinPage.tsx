/** An invite link: checks the token, remembers it on this device, opens the map. */
import { Show, createResource } from 'solid-js';
import { t } from '@i18n';
import { fetchSession, rememberMap } from '@sync/session';
import { navigate } from './router';

export function JoinPage(props: { mapId: string }) {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  const [result] = createResource(async () => {
    if (!token) return 'missing' as const;
    const r = await fetchSession(props.mapId, token);
    if (!r.ok) return r.reason;
    rememberMap({ mapId: props.mapId, mapName: r.session.mapName, token, joinedAt: Date.now(), session: r.session });
    navigate(`/map/${encodeURIComponent(props.mapId)}`, true);
    return 'ok' as const;
  });
  return (
    <main class="page">
      <Show when={result()} fallback={<p>{t().joining}</p>}>
        {(r) => (
          <Show when={r() !== 'ok'}>
            <p role="alert">
              {r() === 'missing' ? t().inviteMissing : r() === 'invalid' ? t().inviteInvalid : t().serverUnreachable}
            </p>
            <a href="/">{t().backToStart}</a>
          </Show>
        )}
      </Show>
    </main>
  );
}
