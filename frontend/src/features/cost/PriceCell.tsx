import type { CostRow } from '../../api';

const ORIGIN: Record<string, string> = { bundled: 'Bundled', imported: 'Imported', manual: 'Manual' };

/** A row's price, its source and date, or a way to set one. */
export function PriceCell({ r, onEdit }: { r: CostRow; onEdit: () => void }) {
  if (r.status === 'no-price') {
    return (
      <div className="stack stack-tight">
        <span className="tag tag-warn">No price</span>
        <button className="btn btn-sm" onClick={onEdit} aria-label={`Set a price for ${r.model}`}>
          Set price
        </button>
      </div>
    );
  }
  const p = r.price;
  return (
    <div className="small">
      {r.status === 'plan-quota' ? (
        <span>{r.subscription?.quota}</span>
      ) : (
        <span>
          {p?.input} / {p?.output}
          {p?.cacheRead ? ` · cache ${p.cacheRead}` : ''} per 1M
        </span>
      )}
      <div className="muted">
        {r.source} · as of {r.pricedAt}
      </div>
      <div className="tags price-tags">
        <span className="tag">{ORIGIN[r.origin ?? ''] ?? r.origin}</span>
        {r.priceStatus && <span className="tag tag-warn">{r.priceStatus === 'disputed' ? 'Disputed' : 'Unverified'}</span>}
        {r.status === 'priced' && (
          <button className="link-btn small" onClick={onEdit} aria-label={`Edit the price of ${r.model}`}>
            Edit
          </button>
        )}
      </div>
    </div>
  );
}
