import type { CatalogModel } from '../../api';

interface PlanPickerProps {
  card: CatalogModel;
  plan: string;
  /** The model id the form will save (a plan may serve its own). */
  model: string;
  onPick: (planId: string) => void;
}

/** A card's plans (GLM, Kimi): the choice, what it means, its endpoint and the model id it saves. */
export function PlanPicker({ card, plan, model, onPick }: PlanPickerProps) {
  const variant = card.variants?.find((v) => v.id === plan);
  return (
    <div className="field" data-field="plan">
      <span className="label" id="plan-label">
        Plan
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="plan-label">
        {card.variants!.map((v) => (
          <button key={v.id} type="button" role="radio" aria-checked={plan === v.id} data-plan={v.id} onClick={() => onPick(v.id)}>
            {v.label}
          </button>
        ))}
      </div>
      {variant && (
        <div className="hint">
          {variant.description}
          <br />
          Endpoint <code data-testid="plan-endpoint">{variant.baseURL}</code> · model <code data-testid="plan-model">{model}</code>
        </div>
      )}
    </div>
  );
}

/**
 * The key field's label: the brand, or the plan when its keys come from
 * another site (Kimi Code's kimi.com, not Moonshot's console).
 */
export function keyLabelFor(brand: string, card?: CatalogModel, plan?: string): string {
  const variant = card?.variants?.find((v) => v.id === plan);
  if (variant?.apiKeyUrl && card?.apiKeyUrl && hostOf(variant.apiKeyUrl) !== hostOf(card.apiKeyUrl)) return `${variant.label} key`;
  return `${brand} API key`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
