import { useState } from 'react';
import { useApi, type FieldError, type KeyTestResult, type ProfileView, type SlotName } from '../../api';
import { errorText } from '../../lib/errorText';
import { inputFromForm, type SlotForm } from '../../lib/slotForm';
import { useToast } from '../../ui/Toasts';
import { SLOT_LABEL } from './SlotTargetFields';

export const fieldsOf = (errs: FieldError[]) => errs.map((e) => e.field);

interface SlotSubmitArgs {
  /** The form as it is checked and saved (without what the slot does not read). */
  saved: SlotForm;
  profileName: string;
  slot: SlotName;
  key: string;
  setKey: (k: string) => void;
  setSubmitted: (v: boolean) => void;
  setSaveErrors: (errs: FieldError[]) => void;
  requestFocus: (fields: string[]) => void;
  onSaved: (p: ProfileView) => void;
}

/** The editor's Test and Save: their progress, result and errors. */
export function useSlotSubmit({ saved, profileName, slot, key, setKey, setSubmitted, setSaveErrors, requestFocus, onSaved }: SlotSubmitArgs) {
  const api = useApi();
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState('');
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<KeyTestResult | null>(null);
  const [testError, setTestError] = useState('');

  /** Tests the settings as they are; field errors are shown like a save's. */
  const runTest = async (): Promise<KeyTestResult | null> => {
    setFormError('');
    setTestError('');
    const { input, errors: parseErrors } = inputFromForm(saved);
    if (parseErrors.length > 0) {
      setSubmitted(true);
      requestFocus(fieldsOf(parseErrors));
      return null;
    }
    setTesting(true);
    setTestResult(null);
    try {
      const res = await api.testSlotSettings({ profile: profileName.trim(), slot, config: input, apiKey: key });
      if (res.fieldErrors?.length || !res.result) {
        setSubmitted(true);
        setSaveErrors(res.fieldErrors ?? []);
        requestFocus(fieldsOf(res.fieldErrors ?? []));
        return null;
      }
      setTestResult(res.result);
      return res.result;
    } catch (e) {
      setTestError(errorText(e));
      return null;
    } finally {
      setTesting(false);
    }
  };

  const save = async (warning = '') => {
    setSubmitted(true);
    setFormError('');
    const { input, errors: parseErrors } = inputFromForm(saved);
    if (parseErrors.length > 0) {
      requestFocus(fieldsOf(parseErrors));
      return;
    }
    setSaving(true);
    try {
      const res = await api.saveSlot({ profile: profileName.trim(), slot, config: input, apiKey: key });
      if (!res.saved || !res.profile) {
        setSaveErrors(res.fieldErrors ?? []);
        requestFocus(fieldsOf(res.fieldErrors ?? []));
        return;
      }
      const notes = [...(res.notices ?? []), ...(warning ? [warning] : [])];
      toast(`${SLOT_LABEL[slot]} model saved${notes.length ? ` (${notes.join('; ')})` : ''}`);
      setKey('');
      onSaved(res.profile);
    } catch (e) {
      setFormError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return { saving, formError, testing, testResult, setTestResult, testError, runTest, save };
}
