// Display helpers for the exact decimal strings the Go estimator returns.
// Rounding here is for reading only; every sum is done in Go.

/** "$124.20" from "124.2"; "—" when there is no amount. */
export function usd(amount: string | null | undefined, places = 2): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Number(amount);
  if (!Number.isFinite(n)) return amount;
  if (n > 0 && n < 10 ** -places) return `<$${(10 ** -places).toFixed(places)}`;
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places })}`;
}

/** 88000 → "88.0k", 1250000 → "1.25M". */
export function tokens(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(2)}M`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return String(n);
}

/** A number for a chart axis (display only). */
export function num(amount: string | null | undefined): number {
  const n = Number(amount ?? 0);
  return Number.isFinite(n) ? n : 0;
}
