import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useApi, type Catalog, type EnvInfo, type ProfileView, type SlotInput, type SlotName } from '../../api';
import { SlotMoves } from './SlotMoves';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { suggestionLabel } from '../keys/KeyAdvice';
import { NextStep } from './NextStep';
import { ProfileKodusApply } from './ProfileKodusApply';
import { SlotCard } from './SlotCard';
import type { KeySwitch } from '../slot-editor/SlotEditor';
import { SlotTestView, type SlotTest } from './SlotTestView';
import { useToast } from '../../ui/Toasts';
import type { ExportFocus } from '../export/ExportView';
import { errorText } from '../../lib/errorText';
import { PageHead } from '../../ui/PageHead';

// Editing and the slot tools load when first used: the list shows first.
const SlotEditor = lazy(() => import('../slot-editor/SlotEditor').then((m) => ({ default: m.SlotEditor })));
const ManualWizard = lazy(() => import('../catalog/ManualWizard').then((m) => ({ default: m.ManualWizard })));
const DryRunPanel = lazy(() => import('../dryrun/DryRunPanel').then((m) => ({ default: m.DryRunPanel })));
const SlotConcurrency = lazy(() => import('../concurrency/SlotConcurrency').then((m) => ({ default: m.SlotConcurrency })));
const loading = <span className="spinner" aria-label="Loading" />;

interface ProfilesViewProps {
  catalog: Catalog;
  env?: EnvInfo;
  profiles: ProfileView[];
  /** Why the list could not be read: then only that is shown. */
  loadError?: string;
  /** The profile just saved from the catalog: it shows the next step. */
  justSaved?: string;
  reload: () => Promise<void>;
  /** Opens the catalog to choose a model for this profile slot. */
  onChooseModel: (profile: string, slot: SlotName) => void;
  onNewProfile: () => void;
  onExport?: (profile: string, focus: ExportFocus) => void;
  /** Opens the Kodus view (to sign in before applying a profile). */
  onOpenKodus?: () => void;
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

type Place = { profile: string; slot: SlotName } | null;
const at = (p: Place, profile: string, slot: SlotName) => p?.profile === profile && p.slot === slot;
const LABEL: Record<SlotName, string> = { main: 'Main', fallback: 'Fallback' };
// Advice that is about the missing Fallback: said in the Fallback's place.
const FALLBACK_ADVICE = new Set(['no-fallback', 'tight-solo']);

/** Saved profiles: Main and Fallback as Kodus will use them, with test, dry run, concurrency, edit and delete. */
export function ProfilesView({ catalog, env, profiles, loadError, justSaved, reload, onChooseModel, onNewProfile, onExport, onOpenKodus }: ProfilesViewProps) {
  const api = useApi();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirm, setConfirm] = useState<{ profile: string; slot: 'all' | 'fallback' } | null>(null);
  const [tests, setTests] = useState<Record<string, Partial<Record<SlotName, SlotTest>>>>({});
  const [dry, setDry] = useState<Place>(null);
  const [tuning, setTuning] = useState<Place>(null);
  const [next, setNext] = useState(justSaved ?? '');
  const [applying, setApplying] = useState('');

  // Main and Fallback are tested at once; each result shows as it arrives.
  const testProfile = (p: ProfileView) => {
    const slots: SlotName[] = p.fallback ? ['main', 'fallback'] : ['main'];
    const set = (slot: SlotName, t: SlotTest) => setTests((all) => ({ ...all, [p.name]: { ...all[p.name], [slot]: t } }));
    setTests((all) => ({ ...all, [p.name]: Object.fromEntries(slots.map((s) => [s, { pending: true }])) }));
    for (const slot of slots) {
      api
        .testProfileSlot(p.name, slot)
        .then((result) => set(slot, { result }))
        .catch((e) => set(slot, { error: errorText(e) }));
    }
  };
  const busy = (name: string) => Object.values(tests[name] ?? {}).some((t) => t && 'pending' in t);

  const edit = async (profile: string, slot: SlotName) => {
    setDry(null);
    setTuning(null);
    try {
      setEditing({ profile, slot, input: await api.slotInput(profile, slot) });
    } catch (e) {
      toast(errorText(e), true);
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
      toast(`Couldn't delete: ${errorText(e)}`, true);
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
      toast(errorText(e), true);
    }
  };
  const savedEdit = async (profile: string) => {
    setTests(({ [profile]: _stale, ...rest }) => rest);
    setEditing(null);
    setNext(profile);
    await reload();
  };

  if (editing?.manualProvider) {
    return (
      <Suspense fallback={loading}>
        <ManualWizard
          key={editing.n}
          catalog={catalog}
          profiles={profiles}
          target={{ profile: editing.profile, slot: editing.slot, fixed: true }}
          startProvider={editing.manualProvider}
          initialKey={editing.key}
          onSwitch={(sw) => void switchTo(sw)}
          onCancel={() => setEditing(null)}
          onSaved={() => void savedEdit(editing.profile)}
        />
      </Suspense>
    );
  }

  if (editing) {
    const card =
      catalog.models.find((m) => m.id === editing.input.model && m.provider === editing.input.provider) ??
      catalog.models.find((m) => m.provider === editing.input.provider && m.variants?.some((v) => v.model === editing.input.model));
    return (
      <div className="stack">
        <div className="page-head">
          <h1>
            Edit {editing.profile} · {LABEL[editing.slot]}
            {card ? `: ${card.displayName}` : ''}
          </h1>
        </div>
        <Suspense fallback={loading}>
          <SlotEditor
            key={editing.n ?? 0}
            catalog={catalog}
            card={card}
            initial={editing.input}
            initialKey={editing.key}
            onSwitch={(sw) => void switchTo(sw)}
            target={{ profile: editing.profile, slot: editing.slot, fixed: true }}
            profiles={profiles}
            onCancel={() => setEditing(null)}
            onSaved={() => void savedEdit(editing.profile)}
          />
        </Suspense>
      </div>
    );
  }

  const head = (
    <PageHead
      title="Profiles"
      actions={
        <>
          {!loadError && (
            <button className="btn btn-primary" onClick={onNewProfile}>
              New profile
            </button>
          )}
        </>
      }
    >
      Each profile has a Main model, used for every review, and an optional Fallback used when Main fails.
    </PageHead>
  );

  if (loadError) {
    return (
      <div className="stack">
        {head}
        <div className="alert alert-err stack alert-stack" role="alert" data-testid="load-error">
          <div className="alert-title">Couldn’t read the saved profiles</div>
          <div>{loadError}</div>
          <div className="small">
            Nothing was changed. If another kodus-byok window or command is using the profiles, close it and try again. If the file is damaged, move it out of the data folder
            {env?.dataDir ? (
              <>
                {' '}
                (<code>{env.dataDir}</code>)
              </>
            ) : null}{' '}
            to start afresh; keys stay in the keychain.
          </div>
          <div>
            <button type="button" className="btn btn-sm" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        </div>
      </div>
    );
  }

  const slotPanel = (p: ProfileView, slot: SlotName) => {
    const v = slot === 'main' ? p.main : p.fallback!;
    return (
      <div className="panel stack">
        <SlotCard slot={slot} v={v} />
        <SlotTestView test={tests[p.name]?.[slot]} label={LABEL[slot]} />
        <div className="row">
          <button className="btn btn-sm" onClick={() => void edit(p.name, slot)} aria-label={`Edit ${p.name} ${LABEL[slot]}`}>
            Edit
          </button>
          <button className="btn btn-sm" onClick={() => onChooseModel(p.name, slot)} aria-label={`Change model of ${p.name} ${LABEL[slot]}`}>
            Change model
          </button>
          <PlaceToggle
            open={dry}
            place={{ profile: p.name, slot }}
            onSet={setDry}
            label={`Dry run ${p.name} ${LABEL[slot]}`}
            title="Shows the exact request Kodus will send for a review, and sends it once if you confirm"
          >
            Dry run
          </PlaceToggle>
          <PlaceToggle open={tuning} place={{ profile: p.name, slot }} onSet={setTuning} label={`Concurrency of ${p.name} ${LABEL[slot]}`}>
            Concurrency
          </PlaceToggle>
          {slot === 'fallback' && (
            <button className="btn btn-sm btn-danger" onClick={() => setConfirm({ profile: p.name, slot: 'fallback' })}>
              Remove fallback
            </button>
          )}
        </div>
      </div>
    );
  };
  const toolPanels = (p: ProfileView, slot: SlotName) => (
    <Suspense fallback={loading}>
      {at(dry, p.name, slot) && (
        <DryRunPanel key={`${p.name}|${slot}`} slotLabel={LABEL[slot]} autoFocus run={(preview) => api.dryRunSlot({ profile: p.name, slot, apiKey: '', preview })} onClose={() => setDry(null)} />
      )}
      {at(tuning, p.name, slot) && <SlotConcurrency key={`${p.name}|${slot}`} profile={p.name} slot={slot} onSaved={() => void reload()} />}
    </Suspense>
  );

  return (
    <div className="stack">
      {head}
      {profiles.length === 0 && (
        <div className="empty stack empty-profiles">
          <h2>No profiles yet</h2>
          <p className="muted">
            Pick one of Kodus’s recommended models, paste its key, and save. Keys stay in your OS keychain{env ? ` (${env.keychainDescription})` : ''}; this app shows them masked.
          </p>
          <button className="btn btn-primary" onClick={onNewProfile}>
            Choose a model
          </button>
        </div>
      )}
      {profiles.map((p) => {
        const codes = p.adviceCodes ?? [];
        const fallbackAdvice = p.advice.filter((_, i) => FALLBACK_ADVICE.has(codes[i] ?? ''));
        // A recommended move is offered by SlotMoves, with its button.
        const otherAdvice = p.advice.filter((a, i) => !FALLBACK_ADVICE.has(codes[i] ?? '') && !a.includes('kodus-byok profile move'));
        return (
          <section key={p.name} className="panel stack" aria-label={`Profile ${p.name}`} data-profile={p.name}>
            <div className="spread">
              <h2 className="heading-flush">{p.name}</h2>
              <div className="row">
                <button
                  className="btn btn-sm"
                  onClick={() => testProfile(p)}
                  disabled={busy(p.name)}
                  aria-label={`Test profile ${p.name}`}
                  title="Proves each key, endpoint and model (Main and Fallback at once)"
                >
                  {busy(p.name) ? <span className="spinner" aria-hidden /> : null} Test
                </button>
                {onExport && (
                  <button className="btn btn-sm" onClick={() => onExport(p.name, 'env')} aria-label={`Export profile ${p.name}`}>
                    Export
                  </button>
                )}
                <button
                  className="btn btn-sm"
                  onClick={() => setApplying((cur) => (cur === p.name ? '' : p.name))}
                  aria-expanded={applying === p.name}
                  aria-label={`Apply to Kodus: profile ${p.name}`}
                >
                  Apply to Kodus
                </button>
                <button className="btn btn-sm btn-danger" onClick={() => setConfirm({ profile: p.name, slot: 'all' })}>
                  Delete profile
                </button>
              </div>
            </div>
            {applying === p.name && <ProfileKodusApply profile={p.name} profiles={profiles} onOpenKodus={onOpenKodus} onClose={() => setApplying('')} />}
            {next === p.name && onExport && <NextStep profile={p.name} onExport={(f) => onExport(p.name, f)} onDismiss={() => setNext('')} />}
            <div className="grid-2">
              {slotPanel(p, 'main')}
              {p.fallback ? (
                slotPanel(p, 'fallback')
              ) : (
                <div className="slot-empty">
                  <div className="muted small">Fallback</div>
                  <div data-testid="fallback-advice">{fallbackAdvice[0] ?? 'Add a fallback so reviews keep running if your main model is rate-limited or down. A different provider works best.'}</div>
                  <button className="btn btn-sm" onClick={() => onChooseModel(p.name, 'fallback')}>
                    Add fallback
                  </button>
                </div>
              )}
            </div>
            {toolPanels(p, 'main')}
            {p.fallback && toolPanels(p, 'fallback')}
            <SlotMoves profile={p.name} reload={reload} />
            {otherAdvice.map((a) => (
              <div key={a} className="alert alert-warn small" data-testid="advice">
                {a}
              </div>
            ))}
          </section>
        );
      })}
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

/** Opens or closes one slot's panel (dry run, concurrency); pressed while that slot's is open. */
function PlaceToggle({ open, place, onSet, label, title, children }: { open: Place; place: NonNullable<Place>; onSet: (p: Place) => void; label: string; title?: string; children: ReactNode }) {
  const on = at(open, place.profile, place.slot);
  return (
    <button className="btn btn-sm" aria-pressed={on} aria-label={label} title={title} onClick={() => onSet(on ? null : place)}>
      {children}
    </button>
  );
}
