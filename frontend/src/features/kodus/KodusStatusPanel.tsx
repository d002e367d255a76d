import type { KodusModelView, KodusStatusView } from '../../kodusApi';

const SOURCE_LABEL: Record<string, string> = { byok: 'BYOK config', env: '.env (Fixed Mode)', none: 'nothing' };

/** Kodus's own answer: which source its LLM calls use, every BYOK model, the .env's model. */
export function KodusStatusPanel({ view }: { view: KodusStatusView }) {
  const st = view.status;
  const models = view.byokConfig?.models ?? [];
  return (
    <div className="stack" data-testid="kodus-status" data-source={st.source}>
      <div className={`alert ${st.source === 'none' ? 'alert-err' : 'alert-ok'}`}>
        <div className="alert-title">
          Kodus uses: <span data-testid="kodus-source">{SOURCE_LABEL[st.source] ?? st.source}</span>
        </div>
        {view.summary}
      </div>
      <div>
        <h3 className="kodus-status-title">BYOK config in Kodus</h3>
        {models.length === 0 ? (
          <p className="muted small">None saved.</p>
        ) : (
          <table className="table" data-testid="kodus-models">
            <thead>
              <tr>
                <th>Role</th>
                <th>Model</th>
                <th>Provider</th>
                <th>Key (Kodus’s mask)</th>
                <th>Settings</th>
                <th>Can run</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <ModelRow key={m.id} m={m} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="small" data-testid="kodus-env">
        <strong>.env (Fixed Mode): </strong>
        {st.env.configured ? (
          <>
            <code>{st.env.model}</code> · {st.env.providerId}
            {st.env.baseUrl ? (
              <>
                {' '}
                at <code>{st.env.baseUrl}</code>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">no model</span>
        )}
      </div>
      {view.notes.length > 0 && (
        <ul className="notes small" data-testid="kodus-notes">
          {view.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ModelRow({ m }: { m: KodusModelView }) {
  const settings: string[] = [];
  if (m.customReasoning) settings.push('thinking: custom');
  else if (m.reasoningEffort) settings.push(`thinking: ${m.reasoningEffort}`);
  if (m.temperature != null) settings.push(`temperature ${m.temperature}`);
  if (m.maxOutputTokens != null) settings.push(`max output ${m.maxOutputTokens}`);
  if (m.maxConcurrentRequests != null) settings.push(`max ${m.maxConcurrentRequests} concurrent`);
  return (
    <tr>
      <td>{m.roles.length ? m.roles.join(', ') : <span className="muted">—</span>}</td>
      <td>
        <code>{m.model}</code>
        {m.baseURL && <div className="muted small">{m.baseURL}</div>}
      </td>
      <td>{m.providerName}</td>
      <td className="mono">{m.managed ? 'Kodus-managed' : m.keyMasked || <span className="muted">none</span>}</td>
      <td className="small">{settings.join(' · ') || <span className="muted">defaults</span>}</td>
      <td>{m.resolvable == null ? '—' : m.resolvable ? <span className="tag tag-ok">yes</span> : <span className="tag tag-warn">no</span>}</td>
    </tr>
  );
}
