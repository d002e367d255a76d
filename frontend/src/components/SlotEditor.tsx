import { useState, type ReactNode } from 'react';
import { useApi, type Catalog, type CatalogModel, type FieldError, type KeySuggestion, type KeyTestResult, type ProfileView, type SlotInput, type SlotName } from '../api';
import { errorsByField, formFromInput, inputFromForm, type SlotForm } from '../lib/slotForm';
import { AdvancedSettings } from './AdvancedSettings';
import { BedrockFields } from './BedrockFields';
import { ConcurrencyTuner } from './ConcurrencyTuner';
import { DryRunPanel } from './DryRunPanel';
import { ExternalLink } from './ExternalLink';
import { KeyAdvice, useKeyVerdict } from './KeyAdvice';
import { KeyInput } from './KeyInput';
import { KeyTestBanner } from './KeyTestBanner';
import { useSlotCheck, useTestProbe } from './slotChecks';
import { SLOT_LABEL, SlotTargetFields } from './SlotTargetFields';
import { useToast } from './Toasts';

/** A switch the user chose from a key suggestion: the pasted key and where it was going travel along. */
export interface KeySwitch {
  suggestion: KeySuggestion;
  key: string;
  target: SlotTarget;
}

export interface SlotTarget {
  profile: string;
  slot: SlotName;
  /** Fixed when editing a known slot; otherwise the user picks where to save. */
  fixed: boolean;
}

interface SlotEditorProps {
  catalog: Catalog;
  card?: CatalogModel;
  initial: SlotInput;
  target: SlotTarget;
  profiles: ProfileView[];
  heading?: ReactNode;
  onSaved: (p: ProfileView) => void;
  onCancel: () => void;
  onBack?: () => void;
  backLabel?: string;
  /** A key carried over from a switch. */
  initialKey?: string;
  /** Moves to another card or provider when the user accepts a key suggestion. */
  onSwitch?: (s: KeySwitch) => void;
}

/**
 * The connect panel: where to save, the plan, the key and advanced settings,
 * checked live with the same rules the backend applies on save.
 */
export function SlotEditor({ catalog, card, initial, target: initialTarget, profiles, heading, onSaved, onCancel, onBack, backLabel, initialKey, onSwitch }: SlotEditorProps) {
  const api = useApi();
  const toast = useToast();
  const [form, setForm] = useState<SlotForm>(() => formFromInput(initial));
  const [profileName, setProfileName] = useState(initialTarget.profile);
  const [slot, setSlot] = useState<SlotName>(initialTarget.slot);
  const [key, setKey] = useState(initialKey ?? '');
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState('');
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<KeyTestResult | null>(null);
  const [testError, setTestError] = useState('');
  const [dryRunOpen, setDryRunOpen] = useState(false);
  const [dryRunFocus, setDryRunFocus] = useState(false);
  // Bumped on every key edit: the dry run panel rebuilds its request.
  const [keyVersion, setKeyVersion] = useState(0);

  const { check, errors, input } = useSlotCheck(profileName, slot, form);
  const verdict = useKeyVerdict(key, input);
  const probe = useTestProbe(form, key);
  const provider = catalog.providers.find((p) => p.id === form.provider);
  const variant = card?.variants?.find((v) => v.id === form.plan);
  const existing = profiles.find((p) => p.name === profileName.trim());

  const visible = (field: string) => submitted || touched.has(field);
  const allErrors = errorsByField([...saveErrors, ...errors]);
  const shown: Record<string, string> = {};
  for (const [f, msg] of Object.entries(allErrors)) if (visible(f)) shown[f] = msg;
  if (submitted && check?.keyRequired && key.trim() === '' && !shown.apiKey) {
    shown.apiKey = `is required for ${provider?.displayName ?? form.provider}`;
  }

  const patch = (p: Partial<SlotForm>) => {
    setSaveErrors([]);
    // A result no longer applies once the endpoint, model or plan changes.
    if (
      p.plan !== undefined ||
      p.baseURL !== undefined ||
      p.model !== undefined ||
      p.provider !== undefined ||
      p.vertexLocation !== undefined ||
      p.awsRegion !== undefined ||
      p.awsAuth !== undefined
    ) {
      setTestResult(null);
    }
    setForm((f) => ({ ...f, ...p }));
  };
  const blur = (field: string) => setTouched((t) => new Set(t).add(field));

  const choosePlan = async (planId: string) => {
    if (!card) return;
    const d = await api.draft(card.id, planId);
    // A plan sets its endpoint, concurrency and (Kimi Code) model id; the
    // user's other edits stay.
    patch({
      plan: d.plan,
      baseURL: d.baseURL,
      model: d.model,
      maxConcurrentRequests: d.maxConcurrentRequests === undefined || d.maxConcurrentRequests === null ? '' : String(d.maxConcurrentRequests),
    });
  };

  // The same card on another plan switches here; anything else is the parent's move.
  const canSwitch = (s?: KeySuggestion) => Boolean(s && ((card && s.model === card.id && s.plan) || onSwitch));
  const switchTo = (s: KeySuggestion) => {
    if (card && s.model === card.id && s.plan) void choosePlan(s.plan);
    else onSwitch?.({ suggestion: s, key, target: { ...initialTarget, profile: profileName, slot } });
  };

  const sameProviderWarning =
    slot === 'fallback' && existing && existing.main.provider === form.provider && (form.provider !== 'openai_compatible' || existing.main.baseURL === form.baseURL)
      ? `Main also uses ${existing.main.providerName}: an outage or rate limit there would stop both. A different provider makes a better fallback.`
      : '';
  const fallbackWithoutMain = slot === 'fallback' && !existing ? 'This profile has no Main model yet: save a Main first, then add the Fallback.' : '';

  /** Tests the settings as they are; field errors are shown like a save's. */
  const runTest = async (): Promise<KeyTestResult | null> => {
    setFormError('');
    setTestError('');
    const { input, errors: parseErrors } = inputFromForm(form);
    if (parseErrors.length > 0) {
      setSubmitted(true);
      return null;
    }
    setTesting(true);
    setTestResult(null);
    try {
      const res = await api.testSlotSettings({ profile: profileName.trim(), slot, config: input, apiKey: key });
      if (res.fieldErrors?.length || !res.result) {
        setSubmitted(true);
        setSaveErrors(res.fieldErrors ?? []);
        return null;
      }
      setTestResult(res.result);
      return res.result;
    } catch (e) {
      setTestError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setTesting(false);
    }
  };

  /** Test & save: saves only when the test passes, like Kodus. */
  const testAndSave = async () => {
    const r = await runTest();
    // A rate limit passes (the key works) but the toast keeps the warning.
    if (r?.ok) await save(r.code === 'rate_limit' ? 'the provider is rate limiting right now: lower Max concurrent requests if it persists' : '');
  };

  const switchPlan = async (planId: string, baseURL: string) => {
    await choosePlan(planId);
    // The other plan's endpoint on the same host (Z.ai China) wins over the catalog's.
    if (baseURL) patch({ baseURL });
  };

  const save = async (warning = '') => {
    setSubmitted(true);
    setFormError('');
    const { input, errors: parseErrors } = inputFromForm(form);
    if (parseErrors.length > 0) return;
    setSaving(true);
    try {
      const res = await api.saveSlot({ profile: profileName.trim(), slot, config: input, apiKey: key });
      if (!res.saved || !res.profile) {
        setSaveErrors(res.fieldErrors ?? []);
        return;
      }
      const notes = [...(res.notices ?? []), ...(warning ? [warning] : [])];
      toast(`${SLOT_LABEL[slot]} model saved${notes.length ? ` (${notes.join('; ')})` : ''}`);
      setKey('');
      onSaved(res.profile);
    } catch (e) {
      setFormError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  /** Opens the dry run for the settings as they are; parse errors are marked like a save's. */
  const openDryRun = () => {
    if (inputFromForm(form).errors.length > 0) {
      setSubmitted(true);
      return;
    }
    setDryRunOpen(true);
    setDryRunFocus(true);
  };
  const runDry = (preview: boolean) => api.dryRunSlot({ profile: profileName.trim(), slot, config: input, apiKey: key, preview });

  const brand = card?.providerDisplayName ?? provider?.displayName ?? 'Provider';
  const keyLabel = `${brand} API key`;
  const keyOptional = check ? !check.keyRequired && !check.keptKeyMasked : provider?.requiresKey === false && !card;
  const keyURL = variant?.apiKeyUrl ?? card?.apiKeyUrl ?? provider?.keyURL;
  const hasErrors = Object.keys(allErrors).length > 0;

  return (
    <form
      className="panel stack"
      aria-label="Model settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!testing && !saving) void testAndSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      {onBack && (
        <div>
          <button type="button" className="link-btn" onClick={onBack}>
            ← {backLabel ?? 'Choose another model'}
          </button>
        </div>
      )}
      {heading}
      {!card && (
        <div className="tags">
          <span className="tag tag-accent">{provider?.displayName ?? form.provider}</span>
          <span className="tag mono">{form.model}</span>
          {form.baseURL && <span className="tag mono">{form.baseURL}</span>}
        </div>
      )}

      {!initialTarget.fixed && (
        <SlotTargetFields
          profileName={profileName}
          slot={slot}
          profiles={profiles}
          existing={existing}
          error={shown.name}
          onProfileName={(name) => {
            setSaveErrors([]);
            setProfileName(name);
          }}
          onSlot={setSlot}
          onBlur={() => blur('name')}
        />
      )}
      {fallbackWithoutMain && <div className="alert alert-warn">{fallbackWithoutMain}</div>}
      {sameProviderWarning && <div className="alert alert-warn">{sameProviderWarning}</div>}

      {card?.variants && card.variants.length > 0 && (
        <div className="field">
          <span className="label" id="plan-label">
            Plan
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="plan-label">
            {card.variants.map((v) => (
              <button key={v.id} type="button" role="radio" aria-checked={form.plan === v.id} data-plan={v.id} onClick={() => void choosePlan(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
          {variant && (
            <div className="hint">
              {variant.description}
              <br />
              Endpoint: <code data-testid="plan-endpoint">{variant.baseURL}</code>
            </div>
          )}
        </div>
      )}

      {form.provider === 'amazon_bedrock' ? (
        <BedrockFields
          region={form.awsRegion}
          auth={form.awsAuth}
          onRegion={(r) => patch({ awsRegion: r })}
          onAuth={(a) => patch({ awsAuth: a })}
          onKey={(k) => {
            setKey(k);
            setKeyVersion((n) => n + 1);
            setTestResult(null);
            setSaveErrors((errs) => errs.filter((e) => e.field !== 'apiKey'));
          }}
          initialKey={initialKey}
          storedMasked={check?.keptKeyMasked}
          errors={shown}
          onBlur={blur}
        />
      ) : (
        <KeyInput
          id="slot-key"
          label={keyLabel}
          value={key}
          onChange={(v) => {
            setKey(v);
            setKeyVersion((n) => n + 1);
            setTestResult(null);
            setSaveErrors((errs) => errs.filter((e) => e.field !== 'apiKey'));
          }}
          error={shown.apiKey}
          storedMasked={check?.keptKeyMasked}
          multiline={form.provider === 'google_vertex'}
          autoFocus
          placeholder={form.provider === 'google_vertex' ? 'Paste the service-account JSON (or its base64), or an API key' : `Paste your ${brand} API key`}
          help={
            <>
              {keyOptional ? 'Optional: local servers usually need no key. ' : ''}
              {keyURL && (
                <>
                  Get a key at <ExternalLink href={keyURL} />.{' '}
                </>
              )}
              Stored only in your OS keychain.
            </>
          }
        />
      )}
      <KeyAdvice verdict={verdict} onSwitch={canSwitch(verdict?.suggestion) ? switchTo : undefined} />

      <AdvancedSettings
        idPrefix="adv"
        slot={slot}
        form={form}
        provider={provider}
        variant={variant}
        errors={shown}
        onChange={patch}
        onBlur={blur}
        open={Boolean(card?.variants?.length) || submitted}
        tuner={<ConcurrencyTuner form={form} apiKey={key} profile={profileName.trim()} slot={slot} onApply={(n) => patch({ maxConcurrentRequests: String(n) })} />}
      />

      {formError && (
        <div className="alert alert-err" role="alert">
          <div className="alert-title">Not saved</div>
          {formError}
        </div>
      )}
      {submitted && hasErrors && !formError && (
        <div className="alert alert-err" role="alert" data-testid="form-errors">
          Not saved: fix the marked field{Object.keys(allErrors).length > 1 ? 's' : ''}.
        </div>
      )}
      {testResult && <KeyTestBanner result={testResult} onSwitchPlan={card?.variants?.length ? (p, u) => void switchPlan(p, u) : undefined} />}
      {testError && (
        <div className="alert alert-err" role="alert">
          <div className="alert-title">Connection failed</div>
          {testError}
        </div>
      )}
      {dryRunOpen && (
        <DryRunPanel
          version={`${JSON.stringify(input)}|${slot}|${profileName.trim()}|${keyVersion}`}
          run={runDry}
          autoFocus={dryRunFocus}
          onFocused={() => setDryRunFocus(false)}
          onClose={() => setDryRunOpen(false)}
          onFieldErrors={(errs) => {
            setSubmitted(true);
            setSaveErrors(errs);
          }}
        />
      )}
      <div className="spread" style={{ alignItems: 'flex-start' }}>
        <div className="hint" data-testid="test-note" style={{ maxWidth: 460 }}>
          {probe?.note ??
            (probe?.kind === 'metadata' || probe?.kind === 'count_tokens' ? 'Test makes one metadata call (no inference): it checks the key, the endpoint and the model.' : '')}
        </div>
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn" disabled={testing || saving} aria-busy={testing} onClick={() => void runTest()}>
            {testing ? <span className="spinner" aria-hidden /> : null} Test
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={dryRunOpen}
            disabled={saving}
            title="Shows the exact request Kodus will send for a review with these settings, and sends it once if you confirm"
            onClick={() => (dryRunOpen ? setDryRunOpen(false) : openDryRun())}
          >
            Dry run
          </button>
          {testResult && !testResult.ok && (
            <button type="button" className="btn" disabled={saving || testing} onClick={() => void save()}>
              Save anyway
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving || testing}>
            {saving ? <span className="spinner" aria-hidden /> : null} Test &amp; save {SLOT_LABEL[slot]}
          </button>
        </div>
      </div>
    </form>
  );
}
