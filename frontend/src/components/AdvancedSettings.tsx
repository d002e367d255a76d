import type { Provider, SlotName, Variant } from '../api';
import type { SlotForm } from '../lib/slotForm';
import { describedBy, Field } from './Field';
import { KodusWillSend, ThinkingSettings, useThinkingPreview } from './ThinkingSettings';

interface AdvancedSettingsProps {
  idPrefix: string;
  /** The slot being edited: Kodus reads thinking from Main only. */
  slot: SlotName;
  form: SlotForm;
  provider?: Provider;
  variant?: Variant;
  errors: Record<string, string>;
  onChange: (patch: Partial<SlotForm>) => void;
  onBlur: (field: string) => void;
  open?: boolean;
  /** The concurrency panel (pre-fill, measure, review time) under the numbers. */
  tuner?: React.ReactNode;
}

/** Temperature, token limits, concurrency, thinking and provider extras. */
export function AdvancedSettings({ idPrefix, slot, form, provider, variant, errors, onChange, onBlur, open, tuner }: AdvancedSettingsProps) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const thinking = useThinkingPreview(slot, form);
  const num = (field: keyof SlotForm, label: string, placeholder: string, hint: React.ReactNode, inputMode: 'decimal' | 'numeric') => (
    <Field id={id(field)} label={label} field={field} hint={hint} error={errors[field]}>
      <input
        id={id(field)}
        className="input"
        inputMode={inputMode}
        placeholder={placeholder}
        value={form[field] as string}
        onChange={(e) => onChange({ [field]: e.target.value } as Partial<SlotForm>)}
        onBlur={() => onBlur(field)}
        {...describedBy(id(field), errors[field])}
      />
    </Field>
  );
  // Kodus reads 0 as no limit (its UI gap 18); the pre-fill and its reason
  // are in the concurrency panel right below.
  const concurrencyHint =
    form.maxConcurrentRequests.trim() === '0'
      ? '0 means no limit in Kodus, not zero requests: every call of a review at once.'
      : tuner
        ? 'Empty or 0 = no limit in Kodus. The pre-fill and why are below.'
        : (variant?.maxConcurrentReason ?? provider?.maxConcurrentReason ?? 'Empty or 0 = no limit in Kodus. Set it for rate-limited plans.');

  return (
    <details className="advanced" open={open}>
      <summary>Advanced settings</summary>
      <div className="stack" style={{ marginTop: 10 }}>
        <ThinkingSettings idPrefix={idPrefix} form={form} thinking={thinking} error={errors.reasoningConfigOverride} onChange={onChange} onBlur={onBlur} />
        {form.provider === 'open_router' && (
          <div className="panel stack">
            <h3>OpenRouter routing</h3>
            <p className="hint">OpenRouter routes each request to a different upstream by default. Pin providers here to avoid quality and behaviour drift between calls.</p>
            <Field id={id('openrouterProviderOrder')} label="Pin providers (in order)" field="openrouterProviderOrder" error={errors.openrouterProviderOrder} hint="Comma-separated upstream names. First available wins. Empty = OpenRouter’s default routing.">
              <input
                id={id('openrouterProviderOrder')}
                className="input"
                placeholder="e.g. moonshot, together"
                value={form.openrouterProviderOrder}
                onChange={(e) => onChange({ openrouterProviderOrder: e.target.value })}
                {...describedBy(id('openrouterProviderOrder'), errors.openrouterProviderOrder)}
              />
            </Field>
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
        <div className="grid-2">
          {num('temperature', 'Temperature', 'Default', '0 = deterministic, 2 = creative', 'decimal')}
          {num('maxOutputTokens', 'Max output tokens', 'Default', 'Empty uses the model default', 'numeric')}
          {num('maxInputTokens', 'Max input tokens', 'No limit', 'Context window cap', 'numeric')}
          {num('maxConcurrentRequests', 'Max concurrent requests', 'No limit', concurrencyHint, 'numeric')}
        </div>
        {tuner}
        {provider && !provider.requiresBaseURL && (
          <Field id={id('baseURL')} label="Base URL override" field="baseURL" error={errors.baseURL} hint={`Empty uses ${provider.defaultBaseURL || 'the provider default'}. For proxies and other regions.`}>
            <input
              id={id('baseURL')}
              className="input mono"
              value={form.baseURL}
              placeholder={provider.defaultBaseURL}
              onChange={(e) => onChange({ baseURL: e.target.value })}
              onBlur={() => onBlur('baseURL')}
              {...describedBy(id('baseURL'), errors.baseURL)}
            />
          </Field>
        )}
        {form.provider === 'google_vertex' && (
          <Field id={id('vertexLocation')} label="Vertex region" field="vertexLocation" error={errors.vertexLocation} hint="Empty for the global endpoint (recommended); a region such as us-east5 only for data residency.">
            <input
              id={id('vertexLocation')}
              className="input"
              placeholder="global"
              value={form.vertexLocation}
              onChange={(e) => onChange({ vertexLocation: e.target.value })}
              onBlur={() => onBlur('vertexLocation')}
              {...describedBy(id('vertexLocation'), errors.vertexLocation)}
            />
          </Field>
        )}
      </div>
    </details>
  );
}
