/**
 * The text to show for a failure: an Error's message (the bindings turn the
 * Go error into one), or the thrown value itself as a string.
 */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e === null || e === undefined) return 'unknown error';
  try {
    const s = JSON.stringify(e);
    return s === '{}' || s === undefined ? String(e) : s;
  } catch {
    return String(e);
  }
}
