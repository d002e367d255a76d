import { useMemo, useState } from 'react';
import { useApi } from '../../api';
import { useDebounced } from '../../lib/useDebounced';
import { Field, secretInputProps } from '../../ui/Field';

interface KeyInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  placeholder?: string;
  /** Masked form of the key already stored for this slot, if any. */
  storedMasked?: string;
  multiline?: boolean;
  help?: React.ReactNode;
  autoFocus?: boolean;
}

/**
 * A key field that hides what is typed by default, and shows what will be
 * stored: the masked key and anything cleaning removed (quotes, a trailing
 * newline...). The key never comes back from the backend, only its mask.
 */
export function KeyInput({ id, label, value, onChange, error, placeholder, storedMasked, multiline, help, autoFocus }: KeyInputProps) {
  const api = useApi();
  const [reveal, setReveal] = useState(false);
  const call = useMemo(() => (value === '' ? null : () => api.previewKey(value)), [api, value]);
  const preview = useDebounced(call, 120).value;

  const shownError = error ?? preview?.error;
  const inputProps = secretInputProps({ id, value, onChange, placeholder, autoFocus, error: shownError });
  const hint =
    value === '' ? (
      storedMasked ? (
        <>
          Stored key <code>{storedMasked}</code> is kept if you leave this empty.
        </>
      ) : (
        help
      )
    ) : preview && !preview.error ? (
      <>
        Will store <code data-testid="key-preview">{preview.masked}</code>
        {preview.notes?.length ? ` — ${preview.notes.join('; ')}` : ''}
      </>
    ) : null;

  return (
    <Field id={id} label={label} field="apiKey" hint={hint} error={shownError}>
      <div className="input-wrap">
        {multiline ? <textarea className={reveal ? 'input mono' : 'input mono key-hidden'} {...inputProps} /> : <input className="input mono" type={reveal ? 'text' : 'password'} {...inputProps} />}
        <button type="button" className="btn btn-sm" onClick={() => setReveal((r) => !r)} aria-pressed={reveal} aria-label={reveal ? 'Hide key' : 'Show key'}>
          {reveal ? 'Hide' : 'Show'}
        </button>
      </div>
    </Field>
  );
}
