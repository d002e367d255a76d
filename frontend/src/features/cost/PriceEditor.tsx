import { useState } from 'react';
import { useApi, type CostRow, type FieldError } from '../../api';
import { describedBy, Field } from '../../ui/Field';
import { errorText } from '../../lib/errorText';

interface PriceEditorProps {
  row: CostRow;
  onSaved: () => void;
  onCancel: () => void;
}

/** A price typed by hand (kept in the app's database); it wins over the bundled and imported ones. */
export function PriceEditor({ row, onSaved, onCancel }: PriceEditorProps) {
  const api = useApi();
  const p = row.status === 'priced' ? row.price : undefined;
  const [form, setForm] = useState({ input: p?.input ?? '', output: p?.output ?? '', cacheRead: p?.cacheRead ?? '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const id = (f: string) => `price-${f}`;
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const res = await api.setPrice({
        model: row.model,
        plan: row.status === 'plan-quota' ? (row.plan ?? '') : '',
        ...form,
        cacheWrite: '',
        contextWindow: 0,
        maxOutput: 0,
      });
      if (!res.saved) {
        setErrors(Object.fromEntries(res.fieldErrors.map((fe: FieldError) => [fe.field, fe.rule])));
        return;
      }
      onSaved();
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <form className="panel stack" aria-label={`Price for ${row.model}`} onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onCancel()} data-testid="price-editor">
      <div>
        <h3>
          Price for <code>{row.model}</code>
        </h3>
        <p className="muted small">
          USD per 1M tokens, as on the provider’s price page. Kept in this app’s database and used instead of the bundled or imported price; 0 is fine for a free local model.
        </p>
      </div>
      <div className="grid-3">
        <Field id={id('input')} label="Input" field="input" error={errors.input} hint="per 1M prompt tokens">
          <input id={id('input')} className="input" inputMode="decimal" autoFocus value={form.input} onChange={set('input')} {...describedBy(id('input'), errors.input)} />
        </Field>
        <Field id={id('output')} label="Output" field="output" error={errors.output} hint="per 1M answer tokens (reasoning too)">
          <input id={id('output')} className="input" inputMode="decimal" value={form.output} onChange={set('output')} {...describedBy(id('output'), errors.output)} />
        </Field>
        <Field id={id('cacheRead')} label="Cached input" field="cacheRead" error={errors.cacheRead} hint="optional; empty = no cache discount">
          <input id={id('cacheRead')} className="input" inputMode="decimal" value={form.cacheRead} onChange={set('cacheRead')} {...describedBy(id('cacheRead'), errors.cacheRead)} />
        </Field>
      </div>
      <Field id={id('note')} label="Where the price comes from" field="note" hint="optional, e.g. the provider’s page and date">
        <input id={id('note')} className="input" value={form.note} onChange={set('note')} />
      </Field>
      {failure && <div className="alert alert-err">{failure}</div>}
      <div className="row">
        <button className="btn btn-primary" type="submit">
          Save price
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
