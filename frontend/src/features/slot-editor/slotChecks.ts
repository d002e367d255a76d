import { useCallback, useMemo } from 'react';
import { useApi, type FieldError, type SlotName } from '../../api';
import { inputFromForm, type SlotForm } from '../../lib/slotForm';
import { useDebounced } from '../../lib/useDebounced';

/** Live check of the form against the backend's rules (debounced). */
export function useSlotCheck(profile: string, slot: SlotName, form: SlotForm) {
  const api = useApi();
  const parsed = useMemo(() => inputFromForm(form), [form]);
  const call = useCallback(() => api.checkSlot(profile.trim(), slot, parsed.input), [api, profile, slot, parsed]);
  const { value: check, error: checkError } = useDebounced(call, 150);
  const errors: FieldError[] = [...parsed.errors, ...(check?.fieldErrors ?? []).filter((e) => !parsed.errors.some((p) => p.field === e.field))];
  // checkError: the check itself failed; the form is then not known to be valid.
  return { check, checkError, errors, input: parsed.input };
}

/** What Test will send for the current settings, said before it is sent. */
export function useTestProbe(form: SlotForm, key: string) {
  const api = useApi();
  const { input } = useMemo(() => inputFromForm(form), [form]);
  // Only a Vertex key's shape (service account or API key) changes the probe.
  const keyShape = form.provider === 'google_vertex' ? key : '';
  const call = useCallback(() => api.describeKeyTest(input, keyShape), [api, input, keyShape]);
  return useDebounced(call, 200).value;
}
