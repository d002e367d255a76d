import { useState } from 'react';
import { useApi, type Catalog, type ProfileView } from '../../api';
import { providerCopy } from '../../lib/cloudCopy';
import { useDirty, useLeave } from '../../lib/leaveGuard';
import { emptyForm, inputFromForm } from '../../lib/slotForm';
import { describedBy, Field } from '../../ui/Field';
import { LocalServers } from './LocalServers';
import { SlotEditor, type KeySwitch, type SlotDraft, type SlotTarget } from '../slot-editor/SlotEditor';
import { PageHead } from '../../ui/PageHead';

interface ManualWizardProps {
  catalog: Catalog;
  profiles: ProfileView[];
  target: SlotTarget;
  onCancel: () => void;
  onSaved: (p: ProfileView) => void;
  /** Start at the model id step with this provider (a key suggestion's switch). */
  startProvider?: string;
  /** A pasted key carried over from a switch. */
  initialKey?: string;
  onSwitch?: (s: KeySwitch) => void;
}

const STEPS = ['Provider', 'Base URL', 'Model', 'Key & settings'];

/**
 * The manual path: provider → base URL (required only for
 * OpenAI-compatible, an optional override otherwise) → model id → key and
 * settings. Each step is checked by the backend before moving on. The
 * wizard keeps what was typed in every step: Back and Next lose nothing,
 * the last step's profile name, key and settings included (Kodus resets
 * the form instead).
 */
export function ManualWizard({ catalog, profiles, target, onCancel, onSaved, startProvider, initialKey, onSwitch }: ManualWizardProps) {
  const api = useApi();
  const leave = useLeave();
  const [step, setStep] = useState(startProvider ? 2 : 0);
  const [provider, setProvider] = useState(startProvider ?? '');
  const [finding, setFinding] = useState(false);
  const [baseURL, setBaseURL] = useState('');
  const [model, setModel] = useState('');
  const [error, setError] = useState<Record<string, string>>({});
  // The last step's work, kept while the user is on an earlier step.
  const [draft, setDraft] = useState<SlotDraft | null>(null);
  const [key, setKey] = useState(initialKey ?? '');

  const prov = catalog.providers.find((p) => p.id === provider);
  const compatible = provider === 'openai_compatible';
  const copy = providerCopy(provider);
  useDirty(provider !== (startProvider ?? '') || baseURL !== '' || model !== '' || key !== (initialKey ?? '') || draft !== null);

  // A model picked from a server found (or listed) goes straight to the last step.
  const pickLocal = (url: string, id: string) => {
    setBaseURL(url);
    setModel(id);
    setError({});
    setFinding(false);
    setStep(3);
  };

  const checkField = async (field: 'provider' | 'baseURL' | 'model', m: string) => {
    const f = { ...emptyForm(provider, m), baseURL };
    const res = await api.checkSlot('', target.slot, inputFromForm(f).input);
    const hit = res.fieldErrors.find((e) => e.field === field);
    setError(hit ? { [field]: hit.rule } : {});
    return !hit;
  };

  const next = async () => {
    if (step === 0) {
      if (!provider) {
        setError({ provider: 'pick a provider' });
        return;
      }
      setError({});
      setStep(1);
    } else if (step === 1) {
      if (await checkField('baseURL', model || 'placeholder-model')) {
        setFinding(false);
        setStep(2);
      }
    } else if (step === 2) {
      if (await checkField('model', model)) setStep(3);
    }
  };

  // The editor starts from its last state with this step's provider, URL and model.
  const editorInitial = () => {
    const base = draft && draft.form.provider === provider ? draft.form : emptyForm(provider, model);
    return inputFromForm({ ...base, provider, model, baseURL }).input;
  };
  const keepDraft = (d: SlotDraft) => {
    setDraft(d);
    setKey(d.key);
    // "Use this model" from a key test fills the model id here too.
    if (d.form.model !== model) setModel(d.form.model);
  };

  return (
    <div className="stack">
      <PageHead title={<>Configure {target.slot === 'main' ? 'Main' : 'Fallback'} model manually</>}>
        Any provider and model: your own endpoint, a local server, or a model not in the catalog.
      </PageHead>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      {startProvider && initialKey && step < 3 && (
        <div className="alert alert-info small" role="status">
          Switched to {prov?.displayName ?? startProvider}: enter the model id; the key you pasted is kept.
        </div>
      )}

      {step === 0 && (
        <div className="panel stack">
          <span className="label" id="provider-label">
            Provider
          </span>
          <div className="grid-cards" role="radiogroup" aria-labelledby="provider-label">
            {catalog.providers.map((p) => (
              <button
                key={p.id}
                type="button"
                className="card"
                role="radio"
                aria-checked={provider === p.id}
                data-provider={p.id}
                onClick={() => {
                  if (p.id !== provider) setBaseURL('');
                  setProvider(p.id);
                  setError({});
                }}
              >
                <span className="card-title">
                  {p.displayName} {p.beta && <span className="tag tag-warn">Beta</span>}
                </span>
                <span className="muted small mono">{p.id}</span>
                <span className="small">{providerCopy(p.id)?.card ?? (p.requiresBaseURL ? 'Your own endpoint (Ollama, vLLM, LM Studio, proxies)' : p.defaultBaseURL)}</span>
                <span className="hint">{p.requiresKey ? `Key: ${p.keyHint}` : 'Key optional'}</span>
              </button>
            ))}
          </div>
          {error.provider && <div className="field-error">Provider: {error.provider}</div>}
        </div>
      )}

      {step === 1 && prov && (
        <div className="panel stack">
          <Field
            id="wizard-baseurl"
            label={copy?.baseURLLabel ?? (prov.requiresBaseURL ? 'Base URL' : 'Base URL (optional override)')}
            field="baseURL"
            error={error.baseURL}
            hint={
              copy?.baseURLHint ??
              (prov.requiresBaseURL
                ? 'Include the version segment, e.g. http://localhost:11434/v1. Plain http and local addresses are fine.'
                : `Leave empty for ${prov.defaultBaseURL}. Set it for a proxy or another region.`)
            }
          >
            <input
              id="wizard-baseurl"
              className="input mono"
              value={baseURL}
              placeholder={copy?.baseURLPlaceholder ?? (prov.requiresBaseURL ? 'http://localhost:11434/v1' : prov.defaultBaseURL)}
              onChange={(e) => setBaseURL(e.target.value)}
              {...describedBy('wizard-baseurl', error.baseURL)}
            />
          </Field>
          {prov.baseURLExamples && (
            <div className="row">
              <span className="hint">Examples:</span>
              {prov.baseURLExamples.map((u) => (
                <button key={u} type="button" className="btn btn-sm mono" onClick={() => setBaseURL(u)}>
                  {u}
                </button>
              ))}
            </div>
          )}
          {compatible && (
            <div className="row">
              <span className="hint">Running Ollama, vLLM, LM Studio or llama.cpp here?</span>
              <button type="button" className="btn btn-sm" onClick={() => setFinding((f) => !f)} aria-expanded={finding}>
                {finding ? 'Hide local servers' : 'Find local servers'}
              </button>
            </div>
          )}
        </div>
      )}
      {step === 1 && compatible && finding && <LocalServers onUse={(s, m) => pickLocal(s.baseURL, m.id)} />}

      {step === 2 && (
        <div className="panel stack">
          <Field
            id="wizard-model"
            label={copy?.modelLabel ?? 'Model ID'}
            field="model"
            error={error.model}
            hint={copy?.modelHint ?? 'The exact id the provider expects, e.g. llama3.1:8b (ollama list) or anthropic/claude-sonnet-4.6.'}
          >
            <input
              id="wizard-model"
              className="input mono"
              value={model}
              placeholder={copy?.modelPlaceholder}
              onChange={(e) => setModel(e.target.value)}
              {...describedBy('wizard-model', error.model)}
            />
          </Field>
          {compatible && baseURL && (
            <div className="row">
              <span className="hint">Not sure of the id?</span>
              <button type="button" className="btn btn-sm" onClick={() => setFinding((f) => !f)} aria-expanded={finding}>
                {finding ? 'Hide the server’s models' : 'List the models on this server'}
              </button>
            </div>
          )}
        </div>
      )}
      {step === 2 && compatible && baseURL && finding && (
        <LocalServers key={baseURL} title="Models on this server" onlyURLs={[baseURL]} serverKey={key} onServerKey={setKey} onUse={(s, m) => pickLocal(s.baseURL, m.id)} />
      )}

      {step === 3 && (
        <SlotEditor
          catalog={catalog}
          initial={editorInitial()}
          target={target}
          profiles={profiles}
          onCancel={onCancel}
          onSaved={onSaved}
          onBack={() => setStep(2)}
          backLabel="Back to the model id"
          backKeepsDraft
          initialKey={key}
          initialPlace={draft ? { profileName: draft.profileName, slot: draft.slot } : undefined}
          onDraft={keepDraft}
          onSwitch={onSwitch}
        />
      )}

      {step < 3 && (
        <div className="row wizard-nav">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setFinding(false);
              if (step === 0) leave(onCancel);
              else setStep(step - 1);
            }}
          >
            {step === 0 ? 'Cancel' : 'Back'}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void next()}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}
