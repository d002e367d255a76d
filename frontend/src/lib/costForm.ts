// The Cost view's assumptions form: text while typing, assumptions for the
// backend once every number parses.
import type { CostAssumptions } from '../api';

/** Measured from the repository instead of assumed. */
export const FROM_REPO: NumKey[] = ['prsPerMonth', 'filesPerPR', 'inputTokensPerFile'];
export type NumKey = 'prsPerMonth' | 'filesPerPR' | 'inputTokensPerFile' | 'outputTokensPerFile' | 'extraCallsPerPR' | 'inputTokensPerExtraCall' | 'outputTokensPerExtraCall';

export const NUMBERS: { key: NumKey; label: string; hint: string }[] = [
  { key: 'prsPerMonth', label: 'PRs per month', hint: 'reviews a month' },
  { key: 'filesPerPR', label: 'Changed files per PR', hint: 'one review call each' },
  { key: 'inputTokensPerFile', label: 'Prompt tokens per file', hint: 'system prompt + diff + context' },
  { key: 'outputTokensPerFile', label: 'Answer tokens per file', hint: 'without reasoning' },
  { key: 'extraCallsPerPR', label: 'Extra calls per PR', hint: 'summary, cross-file, safeguard' },
  { key: 'inputTokensPerExtraCall', label: 'Prompt tokens per extra call', hint: '' },
  { key: 'outputTokensPerExtraCall', label: 'Answer tokens per extra call', hint: '' },
];
export const LEVELS = [
  { id: 'off', label: 'Off' },
  { id: 'low', label: 'Low' },
  { id: 'medium', label: 'Medium' },
  { id: 'high', label: 'High' },
];

export interface Form {
  numbers: Record<NumKey, string>;
  reasoning: { low: string; medium: string; high: string };
  thinking: string; // a level, or 'saved' (each profile slot's own)
  cacheHitPct: string;
  fallbackPct: string;
  budget: string;
}

export function toForm(a: CostAssumptions): Form {
  return {
    numbers: Object.fromEntries(NUMBERS.map((n) => [n.key, String(a[n.key])])) as Record<NumKey, string>,
    reasoning: { low: String(a.reasoning.low), medium: String(a.reasoning.medium), high: String(a.reasoning.high) },
    thinking: a.thinking,
    cacheHitPct: String(Math.round(a.cacheHit * 1000) / 10),
    fallbackPct: String(Math.round(a.fallbackShare * 1000) / 10),
    budget: a.budgetUSD,
  };
}

/** The form as assumptions, or the fields that are not numbers yet. */
export function fromForm(f: Form): { a?: CostAssumptions; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (field: string, v: string) => {
    if (!/^\s*\d+\s*$/.test(v)) errors[field] = 'must be a whole number';
    return Number(v);
  };
  const pct = (field: string, v: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) errors[field] = 'must be a percentage from 0 to 100';
    return n / 100;
  };
  const nums = Object.fromEntries(NUMBERS.map((n) => [n.key, whole(n.key, f.numbers[n.key])])) as Record<NumKey, number>;
  const a: CostAssumptions = {
    ...nums,
    thinking: f.thinking === 'saved' ? 'medium' : f.thinking,
    reasoning: {
      low: whole('reasoning.low', f.reasoning.low),
      medium: whole('reasoning.medium', f.reasoning.medium),
      high: whole('reasoning.high', f.reasoning.high),
    },
    cacheHit: pct('cacheHit', f.cacheHitPct),
    fallbackShare: pct('fallbackShare', f.fallbackPct),
    budgetUSD: f.budget.trim(),
  };
  return Object.keys(errors).length ? { errors } : { a, errors };
}
