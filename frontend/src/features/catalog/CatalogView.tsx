import { useState } from 'react';
import { useApi, type Catalog, type CatalogModel, type LocalModel, type LocalServer, type ProfileView, type SlotInput } from '../../api';
import { suggestionLabel } from '../keys/KeyAdvice';
import { DOCKER_REMINDER, LocalServers } from './LocalServers';
import { ManualWizard } from './ManualWizard';
import { SlotEditor, type KeySwitch, type SlotTarget } from '../slot-editor/SlotEditor';
import { useToast } from '../../ui/Toasts';
import { emptyForm, inputFromForm } from '../../lib/slotForm';
import { errorText } from '../../lib/errorText';
import { PageHead } from '../../ui/PageHead';

interface CatalogViewProps {
  catalog: Catalog;
  profiles: ProfileView[];
  /** Where the chosen model goes; fixed when coming from a profile's slot. */
  target: SlotTarget;
  onDone: (saved?: ProfileView) => void;
}

// Kodus's tiers for models outside its recommended set.
const TIER_LABEL: Record<string, string> = { bestValue: 'Best value', budget: 'Budget' };

function fmtTokens(n?: number) {
  if (!n) return '';
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(2)}M` : `${Math.round(n / 1000)}K`;
}

function defaultsText(m: CatalogModel) {
  const d = m.defaults;
  const parts: string[] = [];
  if (d.temperature !== undefined && d.temperature !== null) parts.push(`temp ${d.temperature}`);
  if (d.maxOutputTokens) parts.push(`${d.maxOutputTokens.toLocaleString('en-US')} max out`);
  parts.push(d.reasoningEffort ? `thinking ${d.reasoningEffort}` : 'thinking off');
  return parts.join(' · ');
}

/** The one label a card carries: Kodus's pick reason on a recommended card, its tier on the others. */
function cardLabel(m: CatalogModel): string | undefined {
  return m.tier === 'recommended' ? m.recommendationLabel : TIER_LABEL[m.tier];
}

/**
 * A catalog card. The model's name is the button (its accessible name is
 * what it shows); a pseudo-element stretches it over the card so the whole
 * card is clickable.
 */
export function ModelCard({ m, catalog, onPick }: { m: CatalogModel; catalog: Catalog; onPick: (m: CatalogModel) => void }) {
  const providerLabel = m.providerDisplayName ?? catalog.providers.find((p) => p.id === m.provider)?.displayName ?? m.provider;
  const label = cardLabel(m);
  return (
    <article className="card card-pick" data-model={m.id} aria-labelledby={`card-${m.id}`}>
      <div className="spread">
        <h3 className="card-title">
          <button type="button" id={`card-${m.id}`} className="card-button" onClick={() => onPick(m)}>
            {m.displayName}
          </button>
        </h3>
        {label && <span className="tag tag-accent">{label}</span>}
      </div>
      <div className="muted small">
        {providerLabel} · <code>{m.id}</code>
      </div>
      <div className="small">{m.description}</div>
      <div className="tags">
        <span className="tag">{defaultsText(m)}</span>
        {m.contextWindow ? <span className="tag">{fmtTokens(m.contextWindow)} context</span> : null}
        {m.variants?.length ? <span className="tag tag-ok">Plans: {m.variants.map((v) => v.label).join(' / ')}</span> : null}
      </div>
      <div className="hint">Key: {m.apiKeyUrl.replace(/^https?:\/\//, '')}</div>
    </article>
  );
}

/** Recommended cards first, then the others, then "Configure manually". */
export function CatalogView({ catalog, profiles, target, onDone }: CatalogViewProps) {
  const api = useApi();
  const [card, setCard] = useState<CatalogModel | null>(null);
  const [draft, setDraft] = useState<SlotInput | null>(null);
  const [manual, setManual] = useState(false);
  const [error, setError] = useState('');
  const toast = useToast();
  // A key suggestion's switch: the pasted key, where it was going, and for
  // the manual path the provider to start from.
  const [carry, setCarry] = useState<{ key: string; target: SlotTarget; provider?: string; n: number } | null>(null);
  const [showLocal, setShowLocal] = useState(false);
  const [local, setLocal] = useState<{ server: LocalServer; model: LocalModel } | null>(null);

  const pick = async (m: CatalogModel, plan = '') => {
    setError('');
    try {
      setDraft(await api.draft(m.id, plan));
      setCard(m);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  const switchTo = async ({ suggestion: s, key, target: t }: KeySwitch) => {
    const n = (carry?.n ?? 0) + 1;
    if (s.model) {
      const m = catalog.models.find((x) => x.id === s.model);
      if (!m || !(await pick(m, s.plan ?? ''))) return;
      setCarry({ key, target: t, n });
      setManual(false);
    } else {
      setCarry({ key, target: t, provider: s.provider, n });
      setCard(null);
      setManual(true);
    }
    setLocal(null);
    toast(`Switched to ${suggestionLabel(s)}; your key is kept`);
  };

  const where = target.fixed ? ` for ${target.profile} (${target.slot === 'main' ? 'Main' : 'Fallback'})` : '';
  const tgt = carry?.target ?? target;

  if (manual) {
    return (
      <ManualWizard
        key={carry?.n ?? 0}
        catalog={catalog}
        profiles={profiles}
        target={tgt}
        startProvider={carry?.provider}
        initialKey={carry?.key}
        onSwitch={(sw) => void switchTo(sw)}
        onCancel={() => {
          setManual(false);
          setCarry(null);
        }}
        onSaved={(p) => onDone(p)}
      />
    );
  }
  if (local) {
    const { server, model } = local;
    return (
      <div className="stack">
        <div className="page-head">
          <div>
            <h1>
              {model.id} on {server.name}
              {where}
            </h1>
            <p className="muted">A model on your own server: provider OpenAI-compatible, no key needed unless the server wants one.</p>
          </div>
        </div>
        {server.containerBaseURL && (
          <div className="alert alert-info small">
            {DOCKER_REMINDER} For Kodus this server is <code>{server.containerBaseURL}</code>.
          </div>
        )}
        <SlotEditor
          catalog={catalog}
          initial={inputFromForm({ ...emptyForm('openai_compatible', model.id), baseURL: server.baseURL }).input}
          target={target}
          profiles={profiles}
          onBack={() => setLocal(null)}
          backLabel="Back to the servers found"
          onSwitch={(sw) => void switchTo(sw)}
          onCancel={() => onDone()}
          onSaved={(p) => onDone(p)}
        />
      </div>
    );
  }
  if (card && draft) {
    return (
      <div className="stack">
        <div className="page-head">
          <div>
            <h1>
              {card.displayName}
              {where}
            </h1>
            <p className="muted">{card.description}</p>
          </div>
        </div>
        <SlotEditor
          key={`${card.id}/${carry?.n ?? 0}`}
          catalog={catalog}
          card={card}
          initial={draft}
          target={tgt}
          profiles={profiles}
          initialKey={carry?.key}
          onSwitch={(sw) => void switchTo(sw)}
          onBack={() => {
            setCard(null);
            setCarry(null);
          }}
          onCancel={() => onDone()}
          onSaved={(p) => onDone(p)}
        />
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHead
        title={<>Choose a model{where}</>}
        actions={
          <>
            {target.fixed && (
              <button className="btn" onClick={() => onDone()}>
                Cancel
              </button>
            )}
          </>
        }
      >
        Pick a model, paste its key, save. Kodus’s recommended models come pre-tuned for code review; you pay your provider directly.
      </PageHead>
      {error && <div className="alert alert-err">{error}</div>}
      <h2>Recommended</h2>
      <p className="hint section-lead">Kodus’s picks for code review. A label says what the pick is best at.</p>
      <div className="grid-cards" data-testid="recommended">
        {catalog.models
          .filter((m) => m.tier === 'recommended')
          .map((m) => (
            <ModelCard key={m.id} m={m} catalog={catalog} onPick={pick} />
          ))}
      </div>
      <h2 className="catalog-section">Other models</h2>
      <p className="hint section-lead">In Kodus’s catalog but not among its picks: older, cheaper or newer models. “Best value” and “Budget” are Kodus’s own tiers for them.</p>
      <div className="grid-cards" data-testid="others">
        {catalog.models
          .filter((m) => m.tier !== 'recommended')
          .map((m) => (
            <ModelCard key={m.id} m={m} catalog={catalog} onPick={pick} />
          ))}
      </div>
      <div className="panel spread catalog-section">
        <div>
          <div className="card-title">Need a provider or model not listed above?</div>
          <div className="muted small">Any OpenAI-compatible server (Ollama, vLLM, LM Studio, proxies), OpenRouter, Novita, Vertex…</div>
        </div>
        <div className="row actions-nowrap">
          <button className="btn" onClick={() => setShowLocal((v) => !v)} aria-expanded={showLocal} aria-controls="local-servers">
            {showLocal ? 'Hide local servers' : 'Find local servers'}
          </button>
          <button className="btn btn-primary" onClick={() => setManual(true)}>
            Configure manually
          </button>
        </div>
      </div>
      {showLocal && (
        <div id="local-servers">
          <LocalServers onUse={(server, model) => setLocal({ server, model })} />
        </div>
      )}
      <p className="hint">
        Catalog {catalog.version}, updated {catalog.updated}.
      </p>
    </div>
  );
}
