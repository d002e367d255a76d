import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApi, type SlotName, type ThinkingPreview } from '../../api';
import { inputFromForm, type SlotForm } from '../../lib/slotForm';
import { problemText } from '../../lib/thinking';
import { JsonEditor } from '../../ui/lazy/LazyCharts';

const EFFORTS: { id: string; label: string }[] = [
  { id: 'off', label: 'Off' },
  { id: 'low', label: 'Low' },
  { id: 'medium', label: 'Medium' },
  { id: 'high', label: 'High' },
  { id: 'custom', label: 'Custom' },
];

export interface ThinkingState {
  preview: ThinkingPreview | null;
  /** The Custom JSON the preview was computed for. */
  previewFor: string;
  /** The Custom JSON being edited is empty: nothing to check yet. */
  empty: boolean;
}

/**
 * The live "Kodus will send": the backend (backend/thinking) computes it
 * for the slot as typed, debounced so typing stays smooth.
 */
export function useThinkingPreview(slot: SlotName, form: SlotForm, delayMs = 150): ThinkingState {
  const api = useApi();
  const input = useMemo(() => inputFromForm(form).input, [form]);
  const key = JSON.stringify([slot, input.provider, input.model, input.plan, input.reasoningEffort, input.reasoningConfigOverride, input.openrouterProviderOrder, input.openrouterAllowFallbacks]);
  const [state, setState] = useState<{ preview: ThinkingPreview | null; previewFor: string }>({ preview: null, previewFor: '' });
  const latest = useRef(key);
  latest.current = key;
  // Asks for the preview of the form as it is now; an answer for an older key is dropped.
  const ask = useEffectEvent((forKey: string) => {
    api
      .previewThinking(slot, input)
      .then((p) => latest.current === forKey && setState({ preview: p, previewFor: input.reasoningConfigOverride }))
      .catch(() => latest.current === forKey && setState({ preview: null, previewFor: '' }));
  });
  // key holds every input the preview depends on.
  useEffect(() => {
    const t = setTimeout(() => ask(key), delayMs);
    return () => clearTimeout(t);
  }, [key, delayMs]);
  return { ...state, empty: form.reasoningEffort === 'custom' && form.reasoningConfigOverride.trim() === '' };
}

interface ThinkingSettingsProps {
  idPrefix: string;
  form: SlotForm;
  thinking: ThinkingState;
  /** The field's error from the form check (e.g. Custom with no JSON), once shown. */
  error?: string;
  onChange: (patch: Partial<SlotForm>) => void;
  onBlur: (field: string) => void;
}

/** The Thinking toggle and, for Custom, the JSON editor with its inline errors. */
export function ThinkingSettings({ idPrefix, form, thinking, error, onChange, onBlur }: ThinkingSettingsProps) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const effort = form.reasoningEffort || 'off';
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const { preview, previewFor, empty } = thinking;
  const problems = effort === 'custom' && !empty && previewFor === form.reasoningConfigOverride ? (preview?.problems ?? []) : [];

  // Arrow keys move the choice, as in any radio group.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = (EFFORTS.findIndex((x) => x.id === effort) + step + EFFORTS.length) % EFFORTS.length;
    onChange({ reasoningEffort: EFFORTS[i].id });
    buttons.current[i]?.focus();
  };

  const hint =
    effort === 'off'
      ? 'Off: no reasoning options are sent, so the model’s default applies.'
      : effort === 'custom'
        ? 'Custom: your JSON is sent as providerOptions, wrapped under the provider’s namespace unless it names one. It replaces the level’s preset.'
        : 'Kodus turns the level into this provider’s own setting: “Kodus will send” below shows exactly what, and why.';

  return (
    <>
      <div className="field" data-field="reasoningEffort">
        <span className="label" id={id('effort-label')}>
          Thinking
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={id('effort-label')} aria-describedby={id('effort-hint')} onKeyDown={onKeyDown}>
          {EFFORTS.map((e, i) => {
            const checked = effort === e.id;
            return (
              <button
                key={e.id}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                role="radio"
                aria-checked={checked}
                tabIndex={checked ? 0 : -1}
                onClick={() => onChange({ reasoningEffort: e.id })}
              >
                {e.label}
              </button>
            );
          })}
        </div>
        <div className="hint" id={id('effort-hint')}>
          {hint}
          {effort !== 'custom' && form.reasoningConfigOverride.trim() !== '' && (
            <>
              {' '}
              <span data-testid="custom-kept">Your Custom JSON stays in this form but is saved only with Custom.</span>
            </>
          )}
        </div>
      </div>
      {effort === 'custom' && (
        <div className="field" data-field="reasoningConfigOverride">
          <div className="spread">
            <span className="label" id={id('override-label')}>
              Custom JSON
            </span>
            {preview?.example && form.reasoningConfigOverride.trim() === '' && (
              <button type="button" className="link-btn small" onClick={() => onChange({ reasoningConfigOverride: preview.example })}>
                Use the example
              </button>
            )}
          </div>
          <JsonEditor
            value={form.reasoningConfigOverride}
            onChange={(v) => onChange({ reasoningConfigOverride: v })}
            onBlur={() => onBlur('reasoningConfigOverride')}
            problems={problems}
            problemsFor={previewFor}
            placeholder={preview?.example}
            labelledBy={id('override-label')}
            describedBy={problems.length || error ? id('override-error') : id('override-hint')}
            invalid={problems.length > 0 || Boolean(error)}
          />
          {problems.length > 0 ? (
            <div className="field-error" id={id('override-error')} data-field-error="reasoningConfigOverride" role="alert">
              {problems.length === 1 ? 'Custom JSON: ' : `Custom JSON: ${problems.length} problems`}
              {problems.length === 1 ? (
                problemText(problems[0])
              ) : (
                <ul className="thinking-problems">
                  {problems.map((p) => (
                    <li key={`${p.line}:${p.column}:${p.message}`}>{problemText(p)}</li>
                  ))}
                </ul>
              )}
            </div>
          ) : error ? (
            <div className="field-error" id={id('override-error')} data-field-error="reasoningConfigOverride" role="alert">
              Custom JSON: {error}
            </div>
          ) : (
            <div className="hint" id={id('override-hint')}>
              Paste the provider’s options, e.g. the example shown. JSON only: no comments, no trailing commas. Fields this app does not know pass through, with a note.
            </div>
          )}
        </div>
      )}
    </>
  );
}

/** The read-only "Kodus will send" panel: final providerOptions and the rules that fired. */
export function KodusWillSend({ idPrefix, thinking, effort }: { idPrefix: string; thinking: ThinkingState; effort: string }) {
  const { preview, empty } = thinking;
  const titleId = `${idPrefix}-preview-title`;
  const blocked = effort === 'custom' && !empty && (preview?.problems.length ?? 0) > 0;
  return (
    <section className="thinking-preview stack" aria-labelledby={titleId} data-testid="thinking-preview" aria-live="polite">
      <div className="spread">
        <h3 className="heading-flush" id={titleId}>
          Kodus will send
        </h3>
        <span className="muted small" data-testid="preview-line">
          providerOptions{preview?.says ? ` ${preview.says}` : ''} · read-only
        </span>
      </div>
      {preview === null ? (
        <div className="muted small">Working it out…</div>
      ) : effort === 'custom' && empty ? (
        <div className="muted small" data-testid="preview-empty">
          Nothing yet: write a JSON object in Custom JSON above (the example shows the shape).
        </div>
      ) : preview.error ? (
        <div className="alert alert-err small">{preview.error}</div>
      ) : blocked ? (
        <div className="alert alert-err small" data-testid="preview-blocked">
          Nothing can be sent until the Custom JSON is fixed. Kodus itself would silently drop it and send no reasoning options; this app refuses to save it.
        </div>
      ) : (
        <pre className="thinking-code mono" data-testid="provider-options">
          {JSON.stringify(preview.providerOptions, null, 2)}
        </pre>
      )}
      {preview?.issues?.map((i) => (
        <div key={i.message} className="alert alert-warn small" data-testid="tuning-issue">
          Kodus’s Test refuses this ({i.field}): {i.message}
        </div>
      ))}
      {preview && !blocked && !(effort === 'custom' && empty) && preview.notes.length > 0 && (
        <ul className="thinking-notes" data-testid="thinking-notes">
          {preview.notes.map((n) => (
            <li key={n} className={n.startsWith('warning:') ? 'note-warn' : undefined}>
              {n}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
