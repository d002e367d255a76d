import { useState } from 'react';
import { useApi, type Catalog, type KeyTestResult, type ProfileView, type SlotInput, type SlotName, type SlotView } from '../api';
import { SlotMoves } from '../components/SlotMoves';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DryRunPanel } from '../components/DryRunPanel';
import { suggestionLabel } from '../components/KeyAdvice';
import { KeyTestBanner } from '../components/KeyTestBanner';
import { ManualWizard } from '../components/ManualWizard';
import { SlotEditor, type KeySwitch } from '../components/SlotEditor';
import { useToast } from '../components/Toasts';
import { compactJSON } from '../lib/thinking';

interface ProfilesViewProps {
  catalog: Catalog;
  profiles: ProfileView[];
  reload: () => Promise<void>;
  /** Opens the catalog to choose a model for this profile slot. */
  onChooseModel: (profile: string, slot: SlotName) => void;
  onNewProfile: () => void;
}

const EFFORT_LABEL: Record<string, string> = { off: 'Off', low: 'Low', medium: 'Medium', high: 'High', custom: 'Custom' };

/** The Thinking row: a Custom slot shows "Custom" and its JSON (Kodus shows nothing). */
function thinkingSummary(v: SlotView): React.ReactNode {
  if (v.reasoningEffort === 'custom' || (!v.reasoningEffort && v.reasoningConfigOverride)) {
    const { short, full } = compactJSON(v.reasoningConfigOverride ?? '');
    return (
      <span data-testid="thinking-summary">
        Custom{' '}
        <code title={full} data-testid="custom-json">
          {short}
        </code>
      </span>
    );
  }
  return <span data-testid="thinking-summary">{EFFORT_LABEL[v.reasoningEffort || 'off'] ?? v.reasoningEffort}</span>;
}

function SlotCard({ title, v }: { title: string; v: SlotView }) {
  const rows: [string, React.ReactNode][] = [
    ['Key', v.hasKey ? <code data-testid="masked-key">{v.apiKeyMasked}</code> : <span className="muted">none (keyless)</span>],
    ['Base URL', <code>{v.effectiveBaseURL || '—'}</code>],
  ];
  if (v.planLabel) rows.push(['Plan', v.planLabel]);
  rows.push(['Thinking', thinkingSummary(v)]);
  if (v.temperature !== undefined && v.temperature !== null) rows.push(['Temperature', String(v.temperature)]);
  if (v.maxOutputTokens) rows.push(['Max output', v.maxOutputTokens.toLocaleString('en-US')]);
  if (v.maxInputTokens) rows.push(['Max input', v.maxInputTokens.toLocaleString('en-US')]);
  rows.push(['Concurrency', v.maxConcurrentRequests ? `${v.maxConcurrentRequests} at a time` : 'no cap']);
  if (v.openrouterProviderOrder?.length) rows.push(['Pinned', v.openrouterProviderOrder.join(', ')]);
  if (v.vertexLocation) rows.push(['Vertex region', v.vertexLocation]);
  return (
    <div className="stack" data-slot={title.toLowerCase()}>
      <div>
        <div className="muted small">{title}</div>
        <div className="card-title">{v.modelName}</div>
        <div className="muted small">
          {v.providerName} · <code>{v.model}</code>
        </div>
      </div>
      <dl className="kv">
        {rows.map(([k, val]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One slot's test: waiting, its result, or why it could not run. */
type SlotTest = { pending: true } | { result: KeyTestResult } | { error: string };

function SlotTestView({ test, label }: { test?: SlotTest; label: string }) {
  if (!test) return null;
  if ('pending' in test) {
    return (
      <div className="slot-test" role="status" aria-live="polite" data-testid={`slot-test-${label.toLowerCase()}`}>
        <span className="spinner" aria-hidden /> Testing {label}…
      </div>
    );
  }
  if ('error' in test) {
    return (
      <div className="alert alert-err small" role="alert" data-testid={`slot-test-${label.toLowerCase()}`}>
        <div className="alert-title">Connection failed</div>
        {test.error}
      </div>
    );
  }
  return (
    <div data-testid={`slot-test-${label.toLowerCase()}`}>
      <KeyTestBanner result={test.result} compact />
    </div>
  );
}

interface Editing {
  profile: string;
  slot: SlotName;
  input: SlotInput;
  /** After a key suggestion's switch: the pasted key, and the provider when the manual path takes over. */
  key?: string;
  manualProvider?: string;
  n?: number;
}

/** Saved profiles: Main and Fallback with masked keys, edit and delete. */
export function ProfilesView({ catalog, profiles, reload, onChooseModel, onNewProfile }: ProfilesViewProps) {
  const api = useApi();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirm, setConfirm] = useState<{ profile: string; slot: 'all' | 'fallback' } | null>(null);
  const [tests, setTests] = useState<Record<string, Partial<Record<SlotName, SlotTest>>>>({});
  // The saved slot whose dry run is open.
  const [dry, setDry] = useState<{ profile: string; slot: SlotName } | null>(null);
  const dryRunButton = (profile: string, slot: SlotName) => {
    const open = dry?.profile === profile && dry.slot === slot;
    return (
      <button
        className="btn btn-sm"
        aria-pressed={open}
        aria-label={`Dry run ${profile} ${slot === 'main' ? 'Main' : 'Fallback'}`}
        title="Shows the exact request Kodus will send for a review, and sends it once if you confirm"
        onClick={() => setDry(open ? null : { profile, slot })}
      >
        Dry run
      </button>
    );
  };
  const dryRunPanel = (profile: string, slot: SlotName) =>
    dry?.profile === profile && dry.slot === slot ? (
      <DryRunPanel
        key={`${profile}|${slot}`}
        slotLabel={slot === 'main' ? 'Main' : 'Fallback'}
        autoFocus
        run={(preview) => api.dryRunSlot({ profile, slot, apiKey: '', preview })}
        onClose={() => setDry(null)}
      />
    ) : null;

  // Main and Fallback are tested at once; each result shows as it arrives.
  const testProfile = (p: ProfileView) => {
    const slots: SlotName[] = p.fallback ? ['main', 'fallback'] : ['main'];
    const set = (slot: SlotName, t: SlotTest) => setTests((all) => ({ ...all, [p.name]: { ...all[p.name], [slot]: t } }));
    setTests((all) => ({ ...all, [p.name]: Object.fromEntries(slots.map((s) => [s, { pending: true }])) }));
    for (const slot of slots) {
      api
        .testProfileSlot(p.name, slot)
        .then((result) => set(slot, { result }))
        .catch((e) => set(slot, { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  const busy = (name: string) => Object.values(tests[name] ?? {}).some((t) => t && 'pending' in t);

  const edit = async (profile: string, slot: SlotName) => {
    setDry(null);
    try {
      setEditing({ profile, slot, input: await api.slotInput(profile, slot) });
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), true);
    }
  };

  const doDelete = async () => {
    if (!confirm) return;
    const { profile, slot } = confirm;
    setConfirm(null);
    try {
      if (slot === 'all') {
        const notices = await api.deleteProfile(profile);
        notices.forEach((n) => toast(n, true));
        toast(`Profile ${profile} deleted`);
      } else {
        const res = await api.deleteFallback(profile);
        res.notices.forEach((n) => toast(n, true));
        toast('Fallback model removed');
      }
    } catch (e) {
      toast(`Couldn't delete: ${e instanceof Error ? e.message : String(e)}`, true);
    }
    await reload();
  };

  // A key suggestion moves this slot to another card (or provider) with the pasted key.
  const switchTo = async ({ suggestion: sg, key }: KeySwitch) => {
    if (!editing) return;
    const n = (editing.n ?? 0) + 1;
    try {
      if (sg.model) setEditing({ ...editing, input: await api.draft(sg.model, sg.plan ?? ''), key, manualProvider: undefined, n });
      else setEditing({ ...editing, key, manualProvider: sg.provider, n });
      toast(`Switched to ${suggestionLabel(sg)}; your key is kept`);
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), true);
    }
  };

  if (editing?.manualProvider) {
    return (
      <ManualWizard
        key={editing.n}
        catalog={catalog}
        profiles={profiles}
        target={{ profile: editing.profile, slot: editing.slot, fixed: true }}
        startProvider={editing.manualProvider}
        initialKey={editing.key}
        onSwitch={(sw) => void switchTo(sw)}
        onCancel={() => setEditing(null)}
        onSaved={async () => {
          setEditing(null);
          await reload();
        }}
      />
    );
  }

  if (editing) {
    const card = catalog.models.find((m) => m.id === editing.input.model && m.provider === editing.input.provider) ??
      catalog.models.find((m) => m.provider === editing.input.provider && m.variants?.some((v) => v.model === editing.input.model));
    return (
      <div className="stack">
        <div className="page-head">
          <h1>
            Edit {editing.profile} · {editing.slot === 'main' ? 'Main' : 'Fallback'}
          </h1>
        </div>
        <SlotEditor
          key={editing.n ?? 0}
          catalog={catalog}
          card={card}
          initial={editing.input}
          initialKey={editing.key}
          onSwitch={(sw) => void switchTo(sw)}
          target={{ profile: editing.profile, slot: editing.slot, fixed: true }}
          profiles={profiles}
          heading={card ? <div className="card-title">{card.displayName}</div> : undefined}
          onCancel={() => setEditing(null)}
          onSaved={async () => {
            setTests(({ [editing.profile]: _stale, ...rest }) => rest);
            setEditing(null);
            await reload();
          }}
        />
      </div>
    );
  }

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Profiles</h1>
          <p className="muted">Each profile has a Main model, used for every review, and an optional Fallback used when Main fails.</p>
        </div>
        <button className="btn btn-primary" onClick={onNewProfile}>
          New profile
        </button>
      </div>
      {profiles.length === 0 && (
        <div className="empty stack" style={{ alignItems: 'center' }}>
          <h2>No profiles yet</h2>
          <p className="muted">Pick one of Kodus’s recommended models, paste its key, and save. Keys stay in your OS keychain.</p>
          <button className="btn btn-primary" onClick={onNewProfile}>
            Choose a model
          </button>
        </div>
      )}
      {profiles.map((p) => (
        <section key={p.name} className="panel stack" aria-label={`Profile ${p.name}`} data-profile={p.name}>
          <div className="spread">
            <h2 style={{ margin: 0 }}>{p.name}</h2>
            <div className="row">
              <button className="btn btn-sm" onClick={() => testProfile(p)} disabled={busy(p.name)} aria-label={`Test profile ${p.name}`} title="Proves each key, endpoint and model (Main and Fallback at once)">
                {busy(p.name) ? <span className="spinner" aria-hidden /> : null} Test
              </button>
              <button className="btn btn-sm btn-danger" onClick={() => setConfirm({ profile: p.name, slot: 'all' })}>
                Delete profile
              </button>
            </div>
          </div>
          <div className="grid-2">
            <div className="panel stack">
              <SlotCard title="Main" v={p.main} />
              <SlotTestView test={tests[p.name]?.main} label="Main" />
              <div className="row">
                <button className="btn btn-sm" onClick={() => void edit(p.name, 'main')}>
                  Edit
                </button>
                <button className="btn btn-sm" onClick={() => onChooseModel(p.name, 'main')}>
                  Change model
                </button>
                {dryRunButton(p.name, 'main')}
              </div>
            </div>
            {p.fallback ? (
              <div className="panel stack">
                <SlotCard title="Fallback" v={p.fallback} />
                <SlotTestView test={tests[p.name]?.fallback} label="Fallback" />
                <div className="row">
                  <button className="btn btn-sm" onClick={() => void edit(p.name, 'fallback')}>
                    Edit
                  </button>
                  <button className="btn btn-sm" onClick={() => onChooseModel(p.name, 'fallback')}>
                    Change model
                  </button>
                  {dryRunButton(p.name, 'fallback')}
                  <button className="btn btn-sm btn-danger" onClick={() => setConfirm({ profile: p.name, slot: 'fallback' })}>
                    Remove fallback
                  </button>
                </div>
              </div>
            ) : (
              <div className="slot-empty">
                <div className="muted small">Fallback</div>
                <div>Add a fallback so reviews keep running if your main model is rate-limited or down. A different provider works best.</div>
                <button className="btn btn-sm" onClick={() => onChooseModel(p.name, 'fallback')}>
                  Add fallback
                </button>
              </div>
            )}
          </div>
          {dryRunPanel(p.name, 'main')}
          {dryRunPanel(p.name, 'fallback')}
          <SlotMoves profile={p.name} reload={reload} />
          {p.advice?.filter((a) => !a.includes('kodus-byok profile move')).map((a) => (
            <div key={a} className="alert alert-warn small" data-testid="advice">
              {a}
            </div>
          ))}
        </section>
      ))}
      {confirm && (
        <ConfirmDialog
          title={confirm.slot === 'all' ? `Delete profile ${confirm.profile}?` : 'Remove fallback model?'}
          body={
            confirm.slot === 'all'
              ? 'Its settings and both keys are removed from this machine (and from the keychain). Kodus itself is not changed.'
              : 'The fallback and its key are removed; the Main model stays as it is.'
          }
          confirmLabel={confirm.slot === 'all' ? 'Delete profile' : 'Remove fallback'}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => void doDelete()}
        />
      )}
    </div>
  );
}
