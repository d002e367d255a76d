import { useMemo, useRef, useState } from 'react';
import { useApi, type KeySuggestion, type KeyVerdict, type SlotInput } from '../../api';
import { useDebounced } from '../../lib/useDebounced';

/** Where a suggestion leads: "Claude Sonnet 4.6", "Kimi K2.6 · Kimi Code Plan", "OpenRouter (manual setup)". */
export function suggestionLabel(s: KeySuggestion): string {
  if (!s.model) return `${s.providerName} (manual setup)`;
  return s.planLabel ? `${s.modelName} · ${s.planLabel}` : (s.modelName ?? s.model);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Asks the backend what a pasted key looks like next to the slot being
 * edited (debounced). The key goes to the backend only; the verdict that
 * comes back holds no part of it beyond a generic prefix.
 */
export function useKeyVerdict(key: string, input: SlotInput): KeyVerdict | null {
  const api = useApi();
  const { provider, model, plan, baseURL } = input;
  // Only these four fields change the verdict; the rest of input is carried along.
  const rest = useRef(input);
  rest.current = input;
  const call = useMemo(
    // A few characters say nothing yet; don't nag while a key is typed.
    () => (key.trim().length < 12 ? null : () => api.checkKey(key, { ...rest.current, provider, model, plan, baseURL })),
    [api, key, provider, model, plan, baseURL],
  );
  return useDebounced(call, 200).value;
}

interface KeyAdviceProps {
  verdict: KeyVerdict | null;
  /** Absent when this editor cannot switch there: the advice is then only said. */
  onSwitch?: (s: KeySuggestion) => void;
}

/**
 * "This looks like an Anthropic key — switch?" with one click to switch;
 * a quiet hint when the key lacks the shape this provider's keys always
 * have; nothing when unsure. It never switches on its own.
 */
export function KeyAdvice({ verdict, onSwitch }: KeyAdviceProps) {
  const [dismissed, setDismissed] = useState<KeyVerdict | null>(null);
  if (!verdict || verdict === dismissed) return null;
  if (verdict.fit === 'mismatch' && verdict.suggestion) {
    const s = verdict.suggestion;
    return (
      <div className="alert alert-warn spread key-advice" role="status" data-testid="key-suggestion">
        <div>
          <div className="alert-title">{verdict.message}</div>
          <div className="small">{capitalise(verdict.guess.reason)}. Switching keeps the key you pasted.</div>
        </div>
        <div className="row actions-nowrap">
          {onSwitch && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => onSwitch(s)}>
              Switch to {suggestionLabel(s)}
            </button>
          )}
          <button type="button" className="btn btn-sm" onClick={() => setDismissed(verdict)}>
            Keep as is
          </button>
        </div>
      </div>
    );
  }
  if (verdict.fit === 'unexpected' && verdict.message) {
    return (
      <div className="hint key-advice" role="status" data-testid="key-unexpected">
        ⚠ {verdict.message}
      </div>
    );
  }
  return null;
}
