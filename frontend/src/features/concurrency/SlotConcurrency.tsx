import { useEffect, useMemo, useState } from 'react';
import { useApi, type SlotInput, type SlotName } from '../../api';
import { formFromInput } from '../../lib/slotForm';
import { ConcurrencyTuner } from './ConcurrencyTuner';
import { useToast } from '../../ui/Toasts';
import { errorText } from '../../lib/errorText';

interface SlotConcurrencyProps {
  profile: string;
  slot: SlotName;
  /** After a value is saved: the profile list reloads. */
  onSaved: () => void;
}

/**
 * The concurrency tuner for a saved slot: measuring uses the stored key,
 * and applying a value saves it on the slot (the key is kept).
 */
export function SlotConcurrency({ profile, slot, onSaved }: SlotConcurrencyProps) {
  const api = useApi();
  const toast = useToast();
  const [input, setInput] = useState<SlotInput | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    api.slotInput(profile, slot).then(
      (i) => live && setInput(i),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [api, profile, slot]);
  const form = useMemo(() => (input ? formFromInput(input) : null), [input]);

  const apply = async (n: number) => {
    if (!input) return;
    const config = { ...input, maxConcurrentRequests: n };
    try {
      const res = await api.saveSlot({ profile, slot, config, apiKey: '' });
      if (!res.saved) {
        setError(res.fieldErrors.map((e) => `${e.field}: ${e.rule}`).join('; '));
        return;
      }
      setInput(config);
      setError('');
      toast(`Max concurrent requests ${n} saved on ${profile} (${slot === 'main' ? 'Main' : 'Fallback'})`);
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (error) {
    return (
      <div className="alert alert-err small" role="alert">
        {error}
      </div>
    );
  }
  if (!form) return <span className="spinner" aria-label="Loading" />;
  return <ConcurrencyTuner form={form} apiKey="" profile={profile} slot={slot} onApply={(n) => void apply(n)} />;
}
