// Leaving a form with unsaved work asks first: Cancel, "Choose another
// model", a nav item. Forms register whether they are dirty; whoever wants
// to leave calls the guard with what leaving does.
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

interface Guard {
  setDirty: (id: string, dirty: boolean) => void;
  /** Runs leave now when nothing is dirty, else after the user agrees. */
  leave: (leave: () => void) => void;
}

const GuardContext = createContext<Guard>({ setDirty: () => {}, leave: (f) => f() });

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(new Set<string>());
  const [pending, setPending] = useState<(() => void) | null>(null);
  const setDirty = useCallback((id: string, d: boolean) => {
    if (d) dirty.current.add(id);
    else dirty.current.delete(id);
  }, []);
  const leave = useCallback((f: () => void) => {
    if (dirty.current.size === 0) f();
    else setPending(() => f);
  }, []);
  return (
    <GuardContext.Provider value={{ setDirty, leave }}>
      {children}
      {pending && (
        <ConfirmDialog
          title="Discard your changes?"
          body="What you typed here (the profile name, a pasted key, the settings) is not saved yet."
          cancelLabel="Keep editing"
          confirmLabel="Discard"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const f = pending;
            dirty.current.clear();
            setPending(null);
            f();
          }}
        />
      )}
    </GuardContext.Provider>
  );
}

/** Marks the calling form dirty or clean for as long as it is mounted. */
export function useDirty(dirty: boolean) {
  const { setDirty } = useContext(GuardContext);
  const id = useId();
  useEffect(() => {
    setDirty(id, dirty);
  }, [id, dirty, setDirty]);
  useEffect(() => () => setDirty(id, false), [id, setDirty]);
}

/** The guard: leave(() => goSomewhere()). */
export function useLeave() {
  return useContext(GuardContext).leave;
}
