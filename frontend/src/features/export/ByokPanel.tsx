import { useEffect, useState } from 'react';
import { useApi, type BYOKView } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/Toasts';
import { errorText } from '../../lib/errorText';
import { TitledPanel } from '../../ui/Panel';

/** The profile as Kodus's BYOK config JSON: shown without keys; written with keys only after a confirmation. */
export function ByokPanel({ profile, notCarried }: { profile: string; notCarried: boolean }) {
  const api = useApi();
  const toast = useToast();
  const [view, setView] = useState<BYOKView | null>(null);
  const [path, setPath] = useState('');
  const [withKeys, setWithKeys] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [replace, setReplace] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    api.byokJSON(profile).then(setView, (e) => setError(errorText(e)));
  }, [api, profile]);

  const write = async (force = false) => {
    setConfirm(false);
    setReplace('');
    setError('');
    try {
      const r = await api.writeBYOKFile(profile, path, withKeys, force);
      if (r.exists) {
        setReplace(r.path);
        return;
      }
      toast(`BYOK config written to ${r.path}${withKeys ? ' with keys' : ''}${r.backup ? ` (the old file is kept as ${r.backup})` : ''}`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <TitledPanel titleId="byok-title" title="BYOK config">
      <p className="muted small hint-flush">
        Kodus’s BYOK config{view?.says ? `, ${view.says},` : ''} carries {notCarried ? 'everything Fixed Mode cannot' : 'the fallback, concurrency, thinking and token limits'}, and takes precedence
        over the .env. {view?.shape} Kodus keeps it per organisation: enter these values on its “Bring your own key” page, or send the JSON to its API (
        <code>POST /organization-parameters/create-or-update</code>, key <code>byok_config</code>).
      </p>
      {view?.warnings.map((w) => (
        <div key={w.slot + w.code + w.message} className="alert alert-warn small" data-testid="byok-warning">
          <div>
            {w.slot}: {w.message}
          </div>
          {w.fix && <div className="hint">{w.fix}</div>}
        </div>
      ))}
      {view && (
        <pre className="code" data-testid="byok-json">
          {view.json}
        </pre>
      )}
      {view?.notes.map((n) => (
        <div key={n} className="hint">
          {n}
        </div>
      ))}
      <div className="row">
        <button
          className="btn"
          disabled={!view}
          onClick={() =>
            void navigator.clipboard.writeText(view!.json).then(
              () => toast('BYOK JSON copied (without keys)'),
              (e) => toast(errorText(e), true),
            )
          }
        >
          Copy JSON (no keys)
        </button>
      </div>
      <div className="field">
        <label htmlFor="byok-path">Save to a new file</label>
        <input id="byok-path" className="input" placeholder="~/kodus-byok.json" value={path} onChange={(e) => setPath(e.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={withKeys} onChange={(e) => setWithKeys(e.target.checked)} />
        <span>Include the API keys (in plain text)</span>
      </label>
      <div className="row">
        <button className="btn" disabled={!path} onClick={() => (withKeys ? setConfirm(true) : void write())}>
          Save BYOK JSON
        </button>
      </div>
      {error && <div className="alert alert-err">{error}</div>}
      {replace && (
        <ConfirmDialog
          title={`Replace ${replace}?`}
          body="The file exists. Replacing it writes the new config in its place and keeps the old one as a backup next to it."
          confirmLabel="Replace it"
          onCancel={() => setReplace('')}
          onConfirm={() => void write(true)}
        />
      )}
      {confirm && (
        <ConfirmDialog
          title="Write the API keys in plain text?"
          body="The file is created with mode 0600, but anyone who can read it can use your keys. Delete it once you have pasted the config into Kodus."
          confirmLabel="Write with keys"
          danger
          onCancel={() => setConfirm(false)}
          onConfirm={() => void write()}
        />
      )}
    </TitledPanel>
  );
}
