import { useEffect, useState } from 'react';
import { useApi, type LineInfo } from '../../api';
import { errorText } from '../../lib/errorText';
import { TitledPanel } from '../../ui/Panel';

/**
 * Which Kodus release the app follows: its catalog, providers, reasoning
 * rules and BYOK shape. Users run whichever Kodus they installed, so the
 * choice is theirs; every preview names it.
 */
export function KodusLinePanel({ onChange }: { onChange?: () => void }) {
  const api = useApi();
  const [info, setInfo] = useState<LineInfo | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.kodusLine().then(setInfo, (e) => setError(errorText(e)));
  }, [api]);

  const choose = async (id: string) => {
    setSaving(true);
    setError('');
    try {
      setInfo(await api.setKodusLine(id));
      onChange?.();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <TitledPanel titleId="kodus-line-title" title="Kodus release">
      <p className="muted small hint-flush">
        What Kodus sends and accepts changed between releases: the catalog, the providers, the thinking rules and the BYOK config all follow the release you run (<code>IMAGE_TAG</code> in its .env).
        Same as <code>kodus-byok kodus line</code>.
      </p>
      {error && <div className="alert alert-err">{error}</div>}
      {info && (
        <div className="stack" role="radiogroup" aria-label="Kodus release">
          {info.lines.map((l) => (
            <label key={l.id} className="check" data-testid={`kodus-line-${l.id}`}>
              <input type="radio" name="kodus-line" checked={info.id === l.id} disabled={saving} onChange={() => void choose(l.id)} />
              <span>
                <strong>{l.name}</strong> <span className="muted small">(IMAGE_TAG {l.release})</span>
                <div className="hint">{l.description}</div>
              </span>
            </label>
          ))}
          {info.source === 'default' && <div className="hint">No release chosen yet: the app follows {info.name}, what a new install runs.</div>}
        </div>
      )}
    </TitledPanel>
  );
}
