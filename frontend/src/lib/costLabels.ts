import type { CostRow } from '../api';

/** A cost row's name: "Main: GLM 5.1", "Kimi K2.6 (Kimi Code Plan)". */
export function rowLabel(r: CostRow): string {
  const planName = r.subscription?.name ?? r.plan ?? '';
  const plan = r.status === 'plan-quota' && !r.name.includes(planName) ? ` (${planName})` : '';
  return (r.slot ? `${r.slot === 'main' ? 'Main' : 'Fallback'}: ` : '') + r.name + plan;
}
