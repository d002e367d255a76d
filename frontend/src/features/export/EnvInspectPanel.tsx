import { useState } from 'react';
import { useApi, type EnvInspectView } from '../../api';
import { EnvBanner } from './EnvBanner';
import { useToast } from '../../ui/Toasts';
import { errorText } from '../../lib/errorText';
import { ErrorAlert } from '../../ui/Alert';
import { Field } from '../../ui/Field';
import { TitledPanel } from '../../ui/Panel';

/** Read an existing .env as Kodus would, and import its Fixed Mode block as a profile. */
export function EnvInspectPanel({ reload }: { reload: () => Promise<void> }) {
  const api = useApi();
  const toast = useToast();
  const [path, setPath] = useState('');
  const [view, setView] = useState<EnvInspectView | null>(null);
  const [error, setError] = useState('');
  const [name, setName] = useState('');

  const inspect = async () => {
    setError('');
    setView(null);
    try {
      setView(await api.inspectEnv(path));
    } catch (e) {
      // A file that cannot be read is an error, never "not configured".
      setError(errorText(e));
    }
  };
  const doImport = async () => {
    try {
      const r = await api.importEnv(path, name);
      r.notices.forEach((n) => toast(n));
      toast(`Profile ${r.profile.name} imported`);
      await reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  };

  return (
    <TitledPanel titleId="inspect-title" title="Inspect an existing .env">
      <div className="row field-row">
        <Field id="inspect-path" label=".env to inspect" className="row-fill">
          <input
            id="inspect-path"
            className="input"
            placeholder="/opt/kodus/.env"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && path && void inspect()}
          />
        </Field>
        <button className="btn" disabled={!path} onClick={() => void inspect()}>
          Inspect
        </button>
      </div>
      {error && <ErrorAlert title="Couldn’t read the file">{error}</ErrorAlert>}
      {view && (
        <>
          <EnvBanner report={view.report} path={view.path} />
          {view.report.warnings.map((w) => (
            <div key={w.code + w.message} className="alert alert-warn small">
              {w.message}
              {w.fix && <div className="hint">{w.fix}</div>}
            </div>
          ))}
          {view.report.problems.length > 0 && (
            <div className="alert alert-err small">
              <div className="alert-title">The installer’s checks fail</div>
              <ul className="list">
                {view.report.problems.map((p) => (
                  <li key={p.var + p.line}>
                    {p.line ? `line ${p.line}: ` : ''}
                    <code>{p.var}</code> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {view.report.fixedMode && view.report.inferred.provider && (
            <div className="row field-row">
              <div className="field">
                <label htmlFor="import-name">New profile name</label>
                <input id="import-name" className="input" value={name} onChange={(e) => setName(e.target.value)} />
              </div>
              <button className="btn" disabled={!name} onClick={() => void doImport()}>
                Import as profile
              </button>
            </div>
          )}
        </>
      )}
    </TitledPanel>
  );
}
