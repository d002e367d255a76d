import { useEffect, useState } from 'react';

/**
 * Calls the backend `delayMs` after `deps` last changed and keeps its
 * answer; the answer of a call that was superseded meanwhile is dropped.
 * A null `call` (nothing to ask yet) clears the answer at once; a failed
 * call gives null. Used for the live checks while the user types.
 */
export function useDebounced<T>(call: (() => Promise<T>) | null, deps: unknown[], delayMs: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (!call) {
      setValue(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      call()
        .then((v) => live && setValue(v))
        .catch(() => live && setValue(null));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // The caller lists what the call depends on.
  }, [...deps, delayMs]); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
}
