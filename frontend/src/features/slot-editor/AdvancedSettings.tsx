import type { Provider, Variant } from '../../api';
import { advancedSummary } from '../../lib/slotSummary';
import type { SlotForm } from '../../lib/slotForm';
import { Field, TextField, type TextFieldProps } from '../../ui/Field';
import { KodusWillSend, ThinkingSettings, useThinkingPreview } from '../thinking/ThinkingSettings';

interface AdvancedSettingsProps {
  idPrefix: string;
  /** Fields the followed Kodus does not read on this slot (a v1 Fallback's thinking, routing, max input). */
  mainOnly: string[];
  form: SlotForm;
  provider?: Provider;
  variant?: Variant;
  errors: Record<string, string>;
  warnings: Record<string, string>;
  onChange: (patch: Partial<SlotForm>) => void;
  onBlur: (field: string) => void;
  open: boolean;
  onToggle: (open: boolean) => void;
  /** What the catalog says about the model and plan. */
  notes?: string[];
  /** Opens the dry run of these settings. */
  onDryRun?: () => void;
  dryRunOpen?: boolean;
}

/**
 * Everything past plan and key, one click away: a closed section with a
 * one-line summary of what is set. Its content is built only when open.
 */
export function AdvancedSettings(props: AdvancedSettingsProps) {
  const { idPrefix, mainOnly, form, errors, warnings, open, onToggle } = props;
  const flagged = Object.keys(warnings).length;
  return (
    <section className="advanced" aria-labelledby={`${idPrefix}-toggle`}>
      <h2 className="advanced-head">
        <button type="button" id={`${idPrefix}-toggle`} className="advanced-toggle" aria-expanded={open} aria-controls={`${idPrefix}-body`} onClick={() => onToggle(!open)}>
          <span aria-hidden className="chevron">
            {open ? '▾' : '▸'}
          </span>{' '}
          Advanced
        </button>
      </h2>
      {!open && (
        <div className="hint advanced-summary" data-testid="advanced-summary">
          {advancedSummary(form, mainOnly)}
          {flagged > 0 && <span className="field-warn"> · ⚠ {flagged === 1 ? 'one setting needs a look' : `${flagged} settings need a look`}</span>}
          {Object.keys(errors).length > 0 && <span className="field-error"> · a setting has an error</span>}
        </div>
      )}
      {open && (
        <div id={`${idPrefix}-body`} className="stack advanced-body">
          <AdvancedBody {...props} />
        </div>
      )}
    </section>
  );
}

function AdvancedBody({ idPrefix, mainOnly, form, provider, variant, errors, warnings, onChange, onBlur, notes, onDryRun, dryRunOpen }: AdvancedSettingsProps) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const main = mainOnly.length === 0;
  // One text setting of the form, by its field name.
  const text = (field: keyof SlotForm, label: string, placeholder: string | undefined, hint: React.ReactNode, input?: Pick<TextFieldProps, 'inputMode' | 'inputClass'>) => (
    <TextField
      {...input}
      id={id(field)}
      label={label}
      field={field}
      hint={hint}
      error={errors[field]}
      warning={warnings[field]}
      placeholder={placeholder}
      value={form[field] as string}
      onChange={(v) => onChange({ [field]: v } as Partial<SlotForm>)}
      onBlur={() => onBlur(field)}
    />
  );
  const num = (field: keyof SlotForm, label: string, placeholder: string, hint: React.ReactNode, inputMode: 'decimal' | 'numeric') => text(field, label, placeholder, hint, { inputMode });
  // Kodus reads 0 as no limit, not zero requests.
  const concurrencyHint =
    form.maxConcurrentRequests.trim() === '0'
      ? '0 means no limit in Kodus, not zero requests: every call of a review at once.'
      : (variant?.maxConcurrentReason ?? provider?.maxConcurrentReason ?? 'Empty or 0 = no limit in Kodus. Set it for rate-limited plans; tune it on the profile page once saved.');

  return (
    <>
      {main ? (
        <MainOnly idPrefix={idPrefix} form={form} errors={errors} onChange={onChange} onBlur={onBlur} />
      ) : (
        <p className="hint hint-flush" data-testid="fallback-ignores">
          On a Fallback, this Kodus release uses the model, key, endpoint, temperature, max output tokens and concurrency. Thinking, Custom JSON, OpenRouter routing and max input tokens come from Main
          only, so they are set there.
        </p>
      )}
      <div className="grid-2">
        {num('temperature', 'Temperature', 'Default', '0 = deterministic, 2 = creative', 'decimal')}
        {num('maxOutputTokens', 'Max output tokens', 'Default', 'Empty uses the model default', 'numeric')}
        {main && num('maxInputTokens', 'Max input tokens', 'No limit', 'A cap below the context window', 'numeric')}
        {num('maxConcurrentRequests', 'Max concurrent requests', 'No limit', concurrencyHint, 'numeric')}
      </div>
      {provider &&
        !provider.requiresBaseURL &&
        !form.plan &&
        text('baseURL', 'Base URL override', provider.defaultBaseURL, `Empty uses ${provider.defaultBaseURL || 'the provider default'}. For proxies and other regions.`, { inputClass: 'mono' })}
      {form.provider === 'google_vertex' && text('vertexLocation', 'Vertex region', 'global', 'Empty for the global endpoint (recommended); a region such as us-east5 only for data residency.')}
      {notes && notes.length > 0 && (
        <div className="stack stack-tight" data-testid="model-notes">
          <h3 className="label">About this model</h3>
          <ul className="list hint">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {onDryRun && (
        <div className="row">
          <button type="button" className="btn btn-sm" aria-pressed={dryRunOpen} onClick={onDryRun}>
            Dry run
          </button>
          <span className="hint">The exact request Kodus will send for a review with these settings; sent once only if you confirm.</span>
        </div>
      )}
    </>
  );
}

/** Thinking, "Kodus will send" and OpenRouter routing: read from the Main slot only. */
function MainOnly({ idPrefix, form, errors, onChange, onBlur }: Pick<AdvancedSettingsProps, 'idPrefix' | 'form' | 'errors' | 'onChange' | 'onBlur'>) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const thinking = useThinkingPreview('main', form);
  return (
    <>
      <ThinkingSettings idPrefix={idPrefix} form={form} thinking={thinking} error={errors.reasoningConfigOverride} onChange={onChange} onBlur={onBlur} />
      {form.provider === 'open_router' && (
        <div className="panel stack">
          <h3 className="label">OpenRouter routing</h3>
          <p className="hint hint-flush">OpenRouter routes each request to a different upstream by default. Pin providers here to avoid quality and behaviour drift between calls.</p>
          <TextField
            id={id('openrouterProviderOrder')}
            label="Pin providers (in order)"
            field="openrouterProviderOrder"
            error={errors.openrouterProviderOrder}
            hint="Comma-separated upstream names. First available wins. Empty = OpenRouter’s default routing."
            placeholder="e.g. moonshot, together"
            value={form.openrouterProviderOrder}
            onChange={(v) => onChange({ openrouterProviderOrder: v })}
          />
          <Field id={id('openrouterAllowFallbacks')} label="Allow fallbacks" field="openrouterAllowFallbacks" hint="Off: requests fail when none of the pinned providers is available.">
            <select
              id={id('openrouterAllowFallbacks')}
              className="input"
              value={form.openrouterAllowFallbacks}
              onChange={(e) => onChange({ openrouterAllowFallbacks: e.target.value as SlotForm['openrouterAllowFallbacks'] })}
            >
              <option value="">Default (on)</option>
              <option value="true">On</option>
              <option value="false">Off</option>
            </select>
          </Field>
        </div>
      )}
      <KodusWillSend idPrefix={idPrefix} thinking={thinking} effort={form.reasoningEffort || 'off'} />
    </>
  );
}
