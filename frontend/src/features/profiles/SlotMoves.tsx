import { useEffect, useState } from 'react';
import { useApi, type SlotMove, type SlotName } from '../../api';
import { errorText } from '../../lib/errorText';

/**
 * What the Kodus release the app follows now recommends for a saved slot
 * (a GLM 5.1 slot → GLM 5.2 on zai), and a button that moves it: same key,
 * same plan, the user's settings kept. The slot keeps working if left.
 */
export function SlotMoves({ profile, reload }: { profile: string; reload: () => Promise<void> }) {
  const api = useApi();
  const [moves, setMoves] = useState<SlotMove[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  useEffect(() => {
    api.slotMoves(profile).then(setMoves, () => setMoves([]));
  }, [api, profile]);

  const move = async (slot: SlotName) => {
    setBusy(slot);
    setError('');
    try {
      await api.moveSlot(profile, slot);
      setMoves(await api.slotMoves(profile));
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <>
      {moves.map((m) => (
        <div key={m.slot} className="alert alert-info small stack" data-testid="slot-move">
          <div>
            <strong>{m.slot === 'main' ? 'Main' : 'Fallback'}:</strong> {m.reason}
          </div>
          <div>
            {m.from} → <strong>{m.modelName}</strong> on {m.providerName}
            {m.planLabel ? ` (${m.planLabel})` : ''}: {m.changes.join('; ')}.
          </div>
          <div className="row">
            <button className="btn btn-sm" disabled={busy !== ''} onClick={() => void move(m.slot as SlotName)}>
              {busy === m.slot ? <span className="spinner" aria-hidden /> : null} Move it (same key, same plan, your settings)
            </button>
          </div>
        </div>
      ))}
      {error && <div className="alert alert-err small">{error}</div>}
    </>
  );
}
