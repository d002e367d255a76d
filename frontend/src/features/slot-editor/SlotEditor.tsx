import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi, type Catalog, type CatalogModel, type FieldError, type KeySuggestion, type ProfileView, type SlotInput, type SlotName } from '../../api';
import { ADVANCED_FIELDS, firstField, forSlot, namesOf } from '../../lib/fieldLabels';
import { focusField } from '../../lib/focusField';
import { useDirty, useLeave } from '../../lib/leaveGuard';
import { errorsByField, formFromInput, inputFromForm, type SlotForm } from '../../lib/slotForm';
import { AdvancedSettings } from './AdvancedSettings';
import { BedrockFields } from './BedrockFields';
import { DryRunPanel } from '../dryrun/DryRunPanel';
import { EditorFooter } from './EditorFooter';
import { EditorHeader } from './EditorHeader';
import { KeyAdvice, useKeyVerdict } from '../keys/KeyAdvice';
import { KeyTestBanner } from '../keys/KeyTestBanner';
import { PlanPicker } from './PlanPicker';
import { FallbackWarnings, SaveTarget } from './SaveTarget';
import { SlotKeyField } from './SlotKeyField';
import { useSlotCheck, useTestProbe } from './slotChecks';
import { fieldsOf, useSlotSubmit } from './useSlotSubmit';
import { SLOT_LABEL } from './SlotTargetFields';

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

/** What the user typed, for a parent that keeps it while the editor is away (the wizard's steps). */
export interface SlotDraft {
  form: SlotForm;
  key: string;
  profileName: string;
  slot: SlotName;
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
  /** The parent keeps the draft across Back (no need to ask before going). */
  backKeepsDraft?: boolean;
  /** A key carried over from a switch or a previous step. */
  initialKey?: string;
  /** Where a previous visit left the profile name and slot. */
  initialPlace?: { profileName: string; slot: SlotName };
  onDraft?: (d: SlotDraft) => void;
  /** Moves to another card or provider when the user accepts a key suggestion. */
  onSwitch?: (s: KeySwitch) => void;
}

/**
 * The connect panel. The first screen holds only where it is saved (one
 * line), the plan, the key and Test & save; everything else is under
 * Advanced, closed, with a summary of what is set. Checked live with the
 * backend's rules; a failed save names the field, opens its section and
 * puts the cursor in it. Esc never discards the form; leaving it dirty asks.
 */
export function SlotEditor(props: SlotEditorProps) {
  const { catalog, card, initial, target: initialTarget, profiles, heading, onSaved, onCancel, onBack, backLabel, backKeepsDraft, initialKey, initialPlace, onDraft, onSwitch } = props;
  const api = useApi();
  const leave = useLeave();
  const formRef = useRef<HTMLFormElement>(null);
  const initialForm = useMemo(() => formFromInput(initial), [initial]);
  const [form, setForm] = useState<SlotForm>(initialForm);
  const [profileName, setProfileName] = useState(initialPlace?.profileName ?? initialTarget.profile);
  const [slot, setSlot] = useState<SlotName>(initialPlace?.slot ?? initialTarget.slot);
  const [key, setKey] = useState(initialKey ?? '');
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [targetOpen, setTargetOpen] = useState(false);
  const [dryRunOpen, setDryRunOpen] = useState(false);
  const [dryRunFocus, setDryRunFocus] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: string; n: number } | null>(null);
  // Bumped on every key edit: the dry run panel rebuilds its request.
  const [keyVersion, setKeyVersion] = useState(0);

  // The slot is checked and saved without what the followed Kodus does not
  // read there (a v1 Fallback's thinking…): the backend's check says which.
  const [mainOnly, setMainOnly] = useState<string[]>([]);
  const saved = useMemo(() => forSlot(form, mainOnly), [form, mainOnly]);
  const { check, checkError, errors, input } = useSlotCheck(profileName, slot, saved);
  const checkedMainOnly = check?.mainOnly?.join(',') ?? '';
  useEffect(() => setMainOnly(checkedMainOnly ? checkedMainOnly.split(',') : []), [checkedMainOnly]);
  const verdict = useKeyVerdict(key, input);
  const probe = useTestProbe(form, key);
  const provider = catalog.providers.find((p) => p.id === form.provider);
  const variant = card?.variants?.find((v) => v.id === form.plan);
  const existing = profiles.find((p) => p.name === profileName.trim());

  const dirty = key !== '' || profileName !== initialTarget.profile || slot !== initialTarget.slot || JSON.stringify(form) !== JSON.stringify(initialForm);
  useDirty(dirty);
  const reportDraft = useEffectEvent(() => onDraft?.({ form, key, profileName, slot }));
  useEffect(() => reportDraft(), [form, key, profileName, slot]);

  const visible = (field: string) => submitted || touched.has(field);
  const allErrors = errorsByField([...saveErrors, ...errors]);
  if (submitted && check?.keyRequired && key.trim() === '' && !allErrors.apiKey) {
    allErrors.apiKey = `is required for ${provider?.displayName ?? form.provider}`;
  }
  const shown: Record<string, string> = {};
  for (const [f, msg] of Object.entries(allErrors)) if (visible(f)) shown[f] = msg;
  const warnings = errorsByField(check?.fieldWarnings ?? []);

  // A failed save or test: open the field's section, then put the cursor in it.
  const requestFocus = (fields: string[]) => {
    const field = firstField(fields);
    if (!field) return;
    if (ADVANCED_FIELDS.has(field)) setAdvancedOpen(true);
    if (field === 'name') setTargetOpen(true);
    setFocusRequest((r) => ({ field, n: (r?.n ?? 0) + 1 }));
  };
  const { saving, formError, testing, testResult, setTestResult, testError, runTest, save } = useSlotSubmit({
    saved,
    profileName,
    slot,
    key,
    setKey,
    setSubmitted,
    setSaveErrors,
    requestFocus,
    onSaved,
  });
  useEffect(() => {
    if (focusRequest) focusField(formRef.current, focusRequest.field);
  }, [focusRequest]);
  /** The fields that stop a save now, the key included. */
  const blocking = (extra: FieldError[] = []) => {
    const fields = [...fieldsOf(extra), ...fieldsOf(errors)];
    if (check?.keyRequired && key.trim() === '') fields.push('apiKey');
    return fields;
  };

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
  // A new key: the last test and the key's save error no longer apply.
  const changeKey = (k: string) => {
    setKey(k);
    setKeyVersion((n) => n + 1);
    setTestResult(null);
    setSaveErrors((errs) => errs.filter((e) => e.field !== 'apiKey'));
  };

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

  /** Test & save: saves only when the test passes, like Kodus. */
  const testAndSave = async () => {
    const stop = blocking();
    if (stop.length > 0) {
      setSubmitted(true);
      requestFocus(stop);
      return;
    }
    const r = await runTest();
    // A rate limit passes (the key works) but the toast keeps the warning.
    if (r?.ok) await save(r.code === 'rate_limit' ? 'the provider is rate limiting right now: lower Max concurrent requests if it persists' : '');
  };

  const switchPlan = async (planId: string, baseURL: string) => {
    await choosePlan(planId);
    // The other plan's endpoint on the same host (Z.ai China) wins over the catalog's.
    if (baseURL) patch({ baseURL });
  };

  /** Opens the dry run for the settings as they are; parse errors are marked like a save's. */
  const openDryRun = () => {
    const parse = inputFromForm(saved).errors;
    if (parse.length > 0) {
      setSubmitted(true);
      requestFocus(fieldsOf(parse));
      return;
    }
    setDryRunOpen(true);
    setDryRunFocus(true);
  };
  const runDry = (preview: boolean) => api.dryRunSlot({ profile: profileName.trim(), slot, config: input, apiKey: key, preview });

  const errorFields = Object.keys(allErrors);
  const notes = [...(card?.notes ?? []), ...(variant?.notes ?? [])];

  return (
    <form
      ref={formRef}
      className="panel stack"
      aria-label="Model settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!testing && !saving) void testAndSave();
      }}
    >
      <EditorHeader {...{ heading, onBack, backLabel, backKeepsDraft }} tags={card ? undefined : { provider: provider?.displayName ?? form.provider, model: form.model, baseURL: form.baseURL }} />

      {!initialTarget.fixed && (
        <SaveTarget
          profileName={profileName}
          slot={slot}
          profiles={profiles}
          error={shown.name}
          open={targetOpen}
          onOpen={() => setTargetOpen(true)}
          onProfileName={(name) => {
            setSaveErrors([]);
            setProfileName(name);
          }}
          onSlot={setSlot}
          onBlur={() => blur('name')}
        />
      )}
      {slot === 'fallback' && <FallbackWarnings existing={existing} provider={form.provider} baseURL={form.baseURL} />}

      {card?.variants && card.variants.length > 0 && <PlanPicker card={card} plan={form.plan} model={form.model} onPick={(id) => void choosePlan(id)} />}

      {form.provider === 'amazon_bedrock' ? (
        <BedrockFields
          region={form.awsRegion}
          auth={form.awsAuth}
          onRegion={(r) => patch({ awsRegion: r })}
          onAuth={(a) => patch({ awsAuth: a })}
          onKey={changeKey}
          initialKey={key}
          storedMasked={check?.keptKeyMasked}
          errors={shown}
          onBlur={blur}
        />
      ) : (
        <SlotKeyField value={key} onChange={changeKey} error={shown.apiKey} check={check} card={card} variant={variant} provider={provider} providerId={form.provider} plan={form.plan} />
      )}
      <KeyAdvice verdict={verdict} onSwitch={canSwitch(verdict?.suggestion) ? switchTo : undefined} />

      <AdvancedSettings
        idPrefix="adv"
        {...{ mainOnly, form, provider, variant, warnings, notes, dryRunOpen }}
        errors={shown}
        onChange={patch}
        onBlur={blur}
        open={advancedOpen}
        onToggle={setAdvancedOpen}
        onDryRun={() => (dryRunOpen ? setDryRunOpen(false) : openDryRun())}
      />

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
            requestFocus(fieldsOf(errs));
          }}
        />
      )}
      {checkError && (
        <div className="alert alert-err" role="alert" data-testid="check-error">
          Couldn&apos;t check these settings: {checkError}
        </div>
      )}
      {formError && (
        <div className="alert alert-err" role="alert">
          <div className="alert-title">Not saved</div>
          {formError}
        </div>
      )}
      {submitted && errorFields.length > 0 && !formError && (
        <div className="alert alert-err" role="alert" data-testid="form-errors">
          Not saved: fix {namesOf(errorFields)}.
        </div>
      )}
      {testResult && (
        <KeyTestBanner result={testResult} onSwitchPlan={card?.variants?.length ? (p, u) => void switchPlan(p, u) : undefined} onUseModel={card ? undefined : (id) => patch({ model: id })} />
      )}
      {testError && (
        <div className="alert alert-err" role="alert">
          <div className="alert-title">Connection failed</div>
          {testError}
        </div>
      )}
      <EditorFooter
        probe={probe}
        testing={testing}
        saving={saving}
        testResult={testResult}
        saveLabel={`Test & save ${SLOT_LABEL[slot]}`}
        onCancel={() => leave(onCancel)}
        onTest={() => void runTest()}
        onSaveAnyway={() => void save()}
      />
    </form>
  );
}
