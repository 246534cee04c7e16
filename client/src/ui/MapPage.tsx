/** One map: its name, who you are, the connection state and the items (as text, never HTML). */
import { For, Show, createResource, onCleanup } from 'solid-js';
import { NODE_KIND_DEFS } from '../../../schema/index.js';
import { fmt, lang, t } from '../i18n';
import { type MapConnection, connectMap } from '../sync/map-connection';
import { fetchSession, tokenFor } from '../sync/session';

export function MapPage(props: { mapId: string }) {
  const token = tokenFor(props.mapId);
  let conn: MapConnection | undefined;
  const [session] = createResource(async () => {
    if (!token) return { ok: false as const, reason: 'invalid' as const };
    const r = await fetchSession(props.mapId, token);
    if (r.ok) conn = connectMap(r.session, token);
    return r;
  });
  onCleanup(() => conn?.destroy());

  return (
    <Show when={session()} fallback={<p class="page">{t().joining}</p>}>
      {(r) => {
        const res = r();
        if (!res.ok) {
          return (
            <main class="page">
              <p role="alert">{res.reason === 'invalid' ? t().inviteInvalid : t().serverUnreachable}</p>
              <a href="/">{t().backToStart}</a>
            </main>
          );
        }
        const c = conn!;
        const others = () => {
          const n = c.peers().length;
          return n === 0 ? t().nobodyElse : n === 1 ? t().oneOtherHere : fmt(t().othersHere, { n });
        };
        const nodes = () => [...c.graph().nodes.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
        return (
          <main class="map-page">
            <header class="map-header">
              <h1>{c.graph().name || res.session.mapName}</h1>
              <span>{fmt(t().loggedInAs, { name: res.session.actor.name, role: t().roles[res.session.role] })}</span>
              <span role="status" aria-label={t().status} class={`status status-${c.status()}`}>
                {t()[c.status()]} · {others()}
              </span>
            </header>
            <table aria-label={t().items}>
              <thead>
                <tr>
                  <th scope="col">{t().name}</th>
                  <th scope="col">{t().kind}</th>
                </tr>
              </thead>
              <tbody>
                <For each={nodes()}>
                  {(n) => (
                    <tr>
                      <td>{n.label}</td>
                      <td>{NODE_KIND_DEFS[n.kind].label[lang()]}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </main>
        );
      }}
    </Show>
  );
}
