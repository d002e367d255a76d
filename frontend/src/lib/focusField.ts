/**
 * Scrolls to and focuses a field by its backend name (data-field), once it
 * is on screen: a section opened for it may render a frame later, and the
 * JSON editor loads on first use.
 */
export function focusField(root: HTMLElement | null, field: string, tries = 60) {
  const next = (f: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(f) : setTimeout(f, 16));
  const step = () => {
    const box = root?.querySelector<HTMLElement>(`[data-field="${field}"]`);
    const target = box?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, .cm-content, [role="radio"][aria-checked="true"], [role="radio"], button') ?? null;
    if (target) {
      target.scrollIntoView?.({ block: 'center' });
      target.focus();
      return;
    }
    if (tries-- > 0) next(step);
  };
  next(step);
}
