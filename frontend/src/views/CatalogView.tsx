import { useState } from 'react';
import { useApi, type Catalog, type CatalogModel, type ProfileView, type SlotInput } from '../api';
import { ManualWizard } from '../components/ManualWizard';
import { SlotEditor, type SlotTarget } from '../components/SlotEditor';

interface CatalogViewProps {
  catalog: Catalog;
  profiles: ProfileView[];
  /** Where the chosen model goes; fixed when coming from a profile's slot. */
  target: SlotTarget;
  onDone: (saved?: ProfileView) => void;
}

const TIER_LABEL: Record<string, string> = { bestValue: 'Best value', budget: 'Budget', other: 'Other' };

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

export function ModelCard({ m, catalog, onPick }: { m: CatalogModel; catalog: Catalog; onPick: (m: CatalogModel) => void }) {
  const providerLabel = m.providerDisplayName ?? catalog.providers.find((p) => p.id === m.provider)?.displayName ?? m.provider;
  return (
    <button type="button" className="card" data-model={m.id} onClick={() => onPick(m)} aria-label={`${m.displayName} by ${providerLabel}`}>
      <div className="spread">
        <span className="card-title">{m.displayName}</span>
        {m.recommendationLabel && <span className="tag tag-accent">{m.recommendationLabel}</span>}
      </div>
      <div className="muted small">
        {providerLabel} · <code>{m.id}</code>
      </div>
      <div className="small">{m.description}</div>
      <div className="tags">
        <span className="tag">{defaultsText(m)}</span>
        {m.contextWindow ? <span className="tag">{fmtTokens(m.contextWindow)} context</span> : null}
        {m.variants?.length ? <span className="tag tag-ok">Plans: {m.variants.map((v) => v.label).join(' / ')}</span> : null}
        {m.tier !== 'recommended' && <span className="tag tag-warn">Not recommended · {TIER_LABEL[m.tier] ?? m.tier}</span>}
      </div>
      <div className="hint">Key: {m.apiKeyUrl.replace(/^https?:\/\//, '')}</div>
    </button>
  );
}

/** Recommended cards first, then the others, then "Configure manually". */
export function CatalogView({ catalog, profiles, target, onDone }: CatalogViewProps) {
  const api = useApi();
  const [card, setCard] = useState<CatalogModel | null>(null);
  const [draft, setDraft] = useState<SlotInput | null>(null);
  const [manual, setManual] = useState(false);
  const [error, setError] = useState('');

  const pick = async (m: CatalogModel) => {
    setError('');
    try {
      setDraft(await api.draft(m.id, ''));
      setCard(m);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const where = target.fixed ? ` for ${target.profile} (${target.slot === 'main' ? 'Main' : 'Fallback'})` : '';

  if (manual) {
    return (
      <ManualWizard catalog={catalog} profiles={profiles} target={target} onCancel={() => setManual(false)} onSaved={(p) => onDone(p)} />
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
        {card.notes?.map((n) => (
          <p key={n} className="hint">
            {n}
          </p>
        ))}
        <SlotEditor
          key={card.id}
          catalog={catalog}
          card={card}
          initial={draft}
          target={target}
          profiles={profiles}
          onBack={() => setCard(null)}
          onCancel={() => onDone()}
          onSaved={(p) => onDone(p)}
        />
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Choose a model{where}</h1>
          <p className="muted">Kodus’s six recommended models come pre-tuned for code review. You pay your provider directly.</p>
        </div>
        {target.fixed && (
          <button className="btn" onClick={() => onDone()}>
            Cancel
          </button>
        )}
      </div>
      {error && <div className="alert alert-err">{error}</div>}
      <h2>Recommended</h2>
      <div className="grid-cards" data-testid="recommended">
        {catalog.models
          .filter((m) => m.tier === 'recommended')
          .map((m) => (
            <ModelCard key={m.id} m={m} catalog={catalog} onPick={pick} />
          ))}
      </div>
      <h2 style={{ marginTop: 12 }}>Other models</h2>
      <div className="grid-cards" data-testid="others">
        {catalog.models
          .filter((m) => m.tier !== 'recommended')
          .map((m) => (
            <ModelCard key={m.id} m={m} catalog={catalog} onPick={pick} />
          ))}
      </div>
      <div className="panel spread" style={{ marginTop: 12 }}>
        <div>
          <div className="card-title">Need a provider or model not listed above?</div>
          <div className="muted small">Any OpenAI-compatible server (Ollama, vLLM, LM Studio, proxies), OpenRouter, Novita, Vertex…</div>
        </div>
        <button className="btn btn-primary" onClick={() => setManual(true)}>
          Configure manually
        </button>
      </div>
      <p className="hint">
        Catalog {catalog.version}, updated {catalog.updated}.
      </p>
    </div>
  );
}
