import { useEffect, useState } from 'react';
import { errorText } from './errorText';

/** The last answer of a debounced call, or why it failed. */
export interface Debounced<T> {
  value: T | null;
  /** The failure of the last call ('' when it answered or nothing was asked). */
  error: string;
}

/**
 * Calls the backend `delayMs` after `call` last changed (memoise it with
 * what it depends on) and keeps its answer; the answer of a call that was
 * superseded meanwhile is dropped. A null `call` (nothing to ask yet) clears
 * the answer at once. A failed call gives its error, never an empty answer:
 * a live check that could not run must not read as "no problems".
 */
export function useDebounced<T>(call: (() => Promise<T>) | null, delayMs: number): Debounced<T> {
  const [state, setState] = useState<Debounced<T>>({ value: null, error: '' });
  useEffect(() => {
    if (!call) {
      setState({ value: null, error: '' });
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      call().then(
        (value) => live && setState({ value, error: '' }),
        (e) => live && setState({ value: null, error: errorText(e) }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [call, delayMs]);
  return state;
}
