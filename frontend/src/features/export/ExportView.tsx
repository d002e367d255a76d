import { useEffect, useRef, useState } from 'react';
import { useApi, type EnvExportView, type EnvOptions, type ProfileView } from '../../api';
import { ByokPanel } from './ByokPanel';
import { EnvInspectPanel } from './EnvInspectPanel';
import { EnvWritePanel } from './EnvWritePanel';
import { errorText } from '../../lib/errorText';
import { ErrorAlert } from '../../ui/Alert';
import { PageHead } from '../../ui/PageHead';
import { ProfileSelect } from '../../ui/ProfileSelect';

/** Where the view opens: the .env writer or the BYOK config. */
export type ExportFocus = 'env' | 'byok';

interface ExportViewProps {
  profiles: ProfileView[];
  reload: () => Promise<void>;
  initialProfile?: string;
  focus?: ExportFocus;
}

/** Export a profile as Kodus's .env (Fixed Mode) or BYOK config; inspect or import a .env. */
export function ExportView({ profiles, reload, initialProfile, focus }: ExportViewProps) {
  const api = useApi();
  const [name, setName] = useState(initialProfile && profiles.some((p) => p.name === initialProfile) ? initialProfile : (profiles[0]?.name ?? ''));
  const focused = useRef(false);
  const [opts, setOpts] = useState<EnvOptions>({ trustJSONSchema: false, replaceLocalhost: '' });
  const [view, setView] = useState<EnvExportView | null>(null);
  const [error, setError] = useState('');
  // Options belong to one profile's block.
  const pickProfile = (n: string) => {
    setName(n);
    setOpts({ trustJSONSchema: false, replaceLocalhost: '' });
  };

  useEffect(() => {
    if (!name && profiles.length) setName(profiles[0].name);
  }, [profiles, name]);

  useEffect(() => {
    if (!name) return;
    let live = true;
    setError('');
    api
      .exportEnv(name, opts)
      .then((v) => live && setView(v))
      .catch((e) => {
        if (!live) return;
        setView(null);
        setError(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [api, name, opts]);

  // Opened from a profile's next step: go to the part asked for, once.
  useEffect(() => {
    if (!view || !focus || focused.current) return;
    focused.current = true;
    const el = document.getElementById(focus === 'byok' ? 'byok-title' : 'env-write-title');
    el?.scrollIntoView?.({ block: 'start' });
    (document.getElementById(focus === 'byok' ? 'byok-path' : 'env-path') as HTMLInputElement | null)?.focus({ preventScroll: true });
  }, [view, focus]);

  return (
    <div className="stack">
      <PageHead title="Export">
        Turn a profile into the <code>.env</code> block Kodus reads in Fixed Mode, or into its BYOK config. Check an existing <code>.env</code> below.
      </PageHead>
      {profiles.length === 0 ? (
        <div className="empty">
          <h2>No profiles to export</h2>
          <p className="muted">Save a profile first; you can still inspect or import an existing .env below.</p>
        </div>
      ) : (
        <section className="panel stack" aria-labelledby="export-block-title">
          <div className="spread">
            <h2 className="heading-flush" id="export-block-title">
              Fixed Mode block
            </h2>
            <ProfileSelect id="export-profile" label="Profile" className="export-profile" profiles={profiles} value={name} onChange={pickProfile} />
          </div>
          {error && <ErrorAlert title="Couldn’t build the block">{error}</ErrorAlert>}
          {view && <BlockDetails view={view} opts={opts} setOpts={setOpts} />}
        </section>
      )}
      {view && <EnvWritePanel profile={view.profile} opts={opts} />}
      {view && <ByokPanel profile={view.profile} notCarried={view.notCarried.length > 0} />}
      <EnvInspectPanel reload={reload} />
    </div>
  );
}

function BlockDetails({ view, opts, setOpts }: { view: EnvExportView; opts: EnvOptions; setOpts: (o: EnvOptions) => void }) {
  const inf = view.inferred;
  const routing = view.warnings.find((w) => w.code === 'routing');
  const local = view.warnings.find((w) => w.code === 'localhost');
  const others = view.warnings.filter((w) => w.code !== 'routing' && w.code !== 'localhost');
  return (
    <div className="stack">
      {view.routingOK ? (
        <div className="alert alert-ok small" data-testid="routing-check">
          <div className="alert-title">✓ Kodus will route this the way the profile means</div>
          {inf.providerLabel}
          {inf.baseURL ? ` at ${inf.baseURL}` : ''}, model <code>{inf.model}</code> — {inf.rule}.
        </div>
      ) : (
        <div className="alert alert-err" role="alert" data-testid="routing-check">
          <div className="alert-title">Kodus would route this differently</div>
          <div>{routing?.message}</div>
          {routing?.fix && <div className="hint">Fix: {routing.fix}</div>}
        </div>
      )}
      {(local || opts.replaceLocalhost) && (
        <div className="alert alert-warn stack alert-stack" data-testid="localhost-warning">
          {local ? (
            <>
              <div className="alert-title">Unreachable from Kodus’s containers</div>
              <div className="small">{local.message}</div>
              <div className="small">{local.fix}</div>
            </>
          ) : (
            <div className="small">
              Writing <code>{opts.replaceLocalhost}</code> in place of localhost, so Kodus’s containers can reach the server.
            </div>
          )}
          <div className="row">
            {['host.docker.internal', ...view.lanAddresses].map((h) => (
              <button key={h} className="btn btn-sm" aria-pressed={opts.replaceLocalhost === h} onClick={() => setOpts({ ...opts, replaceLocalhost: h })}>
                Use {h}
              </button>
            ))}
            {opts.replaceLocalhost && (
              <button className="btn btn-sm btn-ghost" onClick={() => setOpts({ ...opts, replaceLocalhost: '' })}>
                Keep localhost
              </button>
            )}
          </div>
        </div>
      )}
      <dl className="kv kv-wide" data-testid="env-vars">
        {view.vars.map((v) => (
          <div className="kv-pair" key={v.name}>
            <dt>
              <code>{v.name}</code>
            </dt>
            <dd>
              <code data-testid={v.secret ? 'env-key-masked' : undefined}>{v.value || '(empty)'}</code>
              {v.note && <div className="hint">{v.note}</div>}
            </dd>
          </div>
        ))}
      </dl>
      {view.canTrustSchema && (
        <label className="check">
          <input type="checkbox" checked={opts.trustJSONSchema} onChange={(e) => setOpts({ ...opts, trustJSONSchema: e.target.checked })} />
          <span>
            This self-hosted endpoint honours JSON schema (writes <code>API_TRUST_JSON_SCHEMA_BASE_URLS</code>)
          </span>
        </label>
      )}
      <div className="field">
        <span className="label">Preview (key masked)</span>
        <pre className="code" data-testid="env-preview">
          {view.preview}
        </pre>
      </div>
      {others.map((w) => (
        <div key={w.code} className="alert alert-warn small" data-testid="env-warning">
          {w.message}
          {w.fix && <div className="hint">{w.fix}</div>}
        </div>
      ))}
      {view.notCarried.length > 0 && (
        <div className="stack stack-snug" data-testid="not-carried">
          <h3 className="heading-flush">What Fixed Mode cannot carry</h3>
          <ul className="list small">
            {view.notCarried.map((n) => (
              <li key={n.setting}>
                <strong>{n.setting}</strong> ({n.value}): {n.consequence}
              </li>
            ))}
          </ul>
          <div className="hint">Kodus’s BYOK config carries all of these: use the BYOK export below instead if they matter.</div>
        </div>
      )}
    </div>
  );
}
