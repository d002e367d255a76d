import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { useApi, type DiscoverResult, type LocalModel, type LocalServer } from '../../api';
import { errorText } from '../../lib/errorText';
import { ErrorAlert } from '../../ui/Alert';
import { CodeNotes } from '../../ui/CodeNotes';
import { Field, secretInputProps, TextField } from '../../ui/Field';

export const DOCKER_REMINDER =
  'Inside Kodus’s Docker containers, localhost is not this machine: use host.docker.internal (on Linux, map it with extra_hosts: host-gateway) or this machine’s LAN address.';

function details(m: LocalModel): string {
  const parts: string[] = [];
  if (m.type && m.type !== 'llm') parts.push(m.type);
  if (m.parameterSize) parts.push(m.parameterSize);
  if (m.quantization) parts.push(m.quantization);
  if (m.contextLength) parts.push(`${Math.round(m.contextLength / 1024)}K context`);
  if (m.sizeBytes) parts.push(`${(m.sizeBytes / 1e9).toFixed(1)} GB`);
  if (m.loaded === false) parts.push('not loaded: loads on first use');
  return parts.join(' · ');
}

interface LocalServersProps {
  /** Called with the server and model the user picked. */
  onUse: (server: LocalServer, model: LocalModel) => void;
  /** Probe only these URLs (a server's model list) instead of the usual ports. */
  onlyURLs?: string[];
  title?: string;
  /** With onlyURLs: the server's key, asked for when it lists models only with one (kept for the slot). */
  serverKey?: string;
  onServerKey?: (key: string) => void;
}

/**
 * "Find local servers": probes Ollama, vLLM, LM Studio and llama.cpp on
 * their usual ports (plus URLs the user adds) in the backend, and lists
 * each server with its models and one click to use one. The search runs in
 * the background; the rest of the page stays usable.
 */
export function LocalServers({ onUse, onlyURLs, title = 'Local LLM servers', serverKey = '', onServerKey }: LocalServersProps) {
  const api = useApi();
  const [extra, setExtra] = useState('');
  const [result, setResult] = useState<DiscoverResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useRef(0);

  const search = async () => {
    const id = ++run.current;
    setBusy(true);
    setError('');
    const urls = onlyURLs ?? extra.split(/[\s,]+/).filter((u) => u !== '');
    try {
      const res = await api.discoverServers({ urls, onlyURLs: Boolean(onlyURLs), ...(onlyURLs && serverKey ? { key: serverKey } : {}) });
      if (id === run.current) setResult(res);
    } catch (e) {
      if (id === run.current) setError(errorText(e));
    } finally {
      if (id === run.current) setBusy(false);
    }
  };

  // Search once when opened; later searches are the user's.
  // Enter in a field searches; it must not submit a surrounding form.
  const searchOnEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void search();
    }
  };
  const searchOnOpen = useEffectEvent(() => void search());
  useEffect(() => searchOnOpen(), []);

  const servers = result?.servers ?? [];
  const loopback = servers.some((s) => s.containerBaseURL);
  const askKey = Boolean(onlyURLs && onServerKey && (servers.some((s) => s.needsKey) || serverKey));

  return (
    <section className="panel stack" aria-label={title} aria-busy={busy} data-testid="local-servers">
      <div className="spread">
        <h2 className="heading-flush">{title}</h2>
        <button type="button" className="btn btn-sm" onClick={() => void search()} disabled={busy}>
          {busy ? <span className="spinner" aria-hidden /> : null} {result ? 'Search again' : 'Searching…'}
        </button>
      </div>
      {!onlyURLs && (
        <TextField
          id="discover-extra"
          label="Also look at (optional)"
          hint="Searched by default: Ollama :11434, vLLM :8000, LM Studio :1234, llama.cpp :8080 and :9931 on this machine. Only GET requests, never a key."
          inputClass="mono"
          placeholder="http://gpu-box.lan:8000/v1, 127.0.0.1:11435"
          value={extra}
          onChange={setExtra}
          onKeyDown={searchOnEnter}
        />
      )}
      {askKey && (
        <div className="row field-row" data-testid="server-key">
          <Field id="server-key" label="Server key" className="row-fill" hint="Sent only to this server, and kept for the next step.">
            <input className="input mono" type="password" onKeyDown={searchOnEnter} {...secretInputProps({ id: 'server-key', value: serverKey, onChange: (v) => onServerKey?.(v) })} />
          </Field>
          <button type="button" className="btn btn-beside-hint" onClick={() => void search()} disabled={busy}>
            List models
          </button>
        </div>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {result && servers.length === 0 && !error && (
        <div className="empty no-servers" data-testid="no-servers">
          <div className="card-title">No local LLM server answered</div>
          <p className="muted small">Start Ollama, vLLM, LM Studio or llama-server, or add its address above, then search again.</p>
          <CodeNotes className="small muted no-servers-notes" notes={unreachable(result)} />
        </div>
      )}
      {servers.map((s) => (
        <article key={s.baseURL} className="card server-card" data-server={s.kind} aria-label={`${s.name} at ${s.baseURL}`}>
          <div className="spread">
            <span className="card-title">
              {s.name}
              {s.version ? <span className="muted small"> {s.version}</span> : null}
            </span>
            <span className="tags">
              <span className="tag mono">{s.baseURL}</span>
              <span className="tag">{s.latencyMs} ms</span>
              {s.needsKey && <span className="tag tag-warn">needs a key</span>}
            </span>
          </div>
          {s.models.length === 0 && !s.needsKey && <div className="muted small">No models yet: pull or load one, then search again.</div>}
          {s.models.length > 0 && (
            <ul className="model-list" aria-label={`Models on ${s.name}`}>
              {s.models.map((m) => (
                <li key={m.id} className="spread">
                  <span>
                    <code>{m.id}</code> <span className="muted small">{details(m)}</span>
                  </span>
                  {m.type === 'embeddings' ? (
                    <span className="tag">embeddings: not for reviews</span>
                  ) : (
                    <button type="button" className="btn btn-sm" onClick={() => onUse(s, m)} aria-label={`Use ${m.id} from ${s.name}`}>
                      Use
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {s.containerBaseURL && (
            <div className="hint">
              From Kodus’s containers: <code data-testid="container-url">{s.containerBaseURL}</code>
            </div>
          )}
          {s.notes.map((n) => (
            <div key={n} className="hint">
              {n}
            </div>
          ))}
        </article>
      ))}
      {servers.length > 0 && result && result.unreachable.length > 0 && (
        <details className="small muted">
          <summary>
            Nothing at {result.unreachable.length} other address{result.unreachable.length > 1 ? 'es' : ''}
          </summary>
          <CodeNotes className="server-notes" notes={unreachable(result)} />
        </details>
      )}
      {loopback && (
        <div className="alert alert-info small" data-testid="docker-reminder">
          {DOCKER_REMINDER}
        </div>
      )}
    </section>
  );
}

/** The addresses that did not answer, and why. */
function unreachable(r: DiscoverResult): [string, string][] {
  return r.unreachable.map((m) => [m.baseURL, m.reason]);
}
