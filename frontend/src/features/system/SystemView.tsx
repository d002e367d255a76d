import { useEffect, useEffectEvent, useState } from 'react';
import { useApi, type DoctorReport } from '../../api';
import { KodusLinePanel } from './KodusLinePanel';
import { errorText } from '../../lib/errorText';
import { PageHead } from '../../ui/PageHead';

/** The Kodus release the app follows, and the same checks as `kodus-byok doctor`, run on demand. */
export function SystemView({ onLineChange }: { onLineChange?: () => void }) {
  const api = useApi();
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError('');
    try {
      setReport(await api.doctor());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };
  const runOnOpen = useEffectEvent(() => void run());
  useEffect(() => runOnOpen(), []);

  return (
    <div className="stack">
      <PageHead
        title="System"
        actions={
          <>
            <button className="btn" onClick={() => void run()} disabled={running}>
              {running ? <span className="spinner" aria-hidden /> : null} Run checks again
            </button>
          </>
        }
      >
        Where data and keys live, and whether the keychain works. Same as <code>kodus-byok doctor</code>.
      </PageHead>
      <KodusLinePanel onChange={onLineChange} />
      {error && <div className="alert alert-err">{error}</div>}
      {report && (
        <div className="panel">
          <dl className="kv">
            <dt>Version</dt>
            <dd>
              {report.version}{' '}
              <span className="muted">
                (commit {report.commit}, built {report.buildDate})
              </span>
            </dd>
            <dt>Data dir</dt>
            <dd>
              <code>{report.dataDir}</code>
            </dd>
            <dt>Keychain</dt>
            <dd>{report.keychainBackend}</dd>
          </dl>
          <hr className="rule" />
          <ul className="stack plain-list">
            {report.checks.map((c) => (
              <li key={c.name} className={c.ok ? 'alert alert-ok' : 'alert alert-err'}>
                <div className="alert-title">
                  {c.ok ? '✓' : '✗'} {c.name}
                </div>
                <div className="small">{c.detail}</div>
                {c.hint && <div className="hint">{c.hint}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
