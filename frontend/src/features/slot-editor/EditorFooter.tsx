import type { KeyTestProbe, KeyTestResult } from '../../api';

interface EditorFooterProps {
  probe: KeyTestProbe | null;
  testing: boolean;
  saving: boolean;
  testResult: KeyTestResult | null;
  saveLabel: string;
  onCancel: () => void;
  onTest: () => void;
  onSaveAnyway: () => void;
}

/** What Test sends, then Cancel · Test · (Save anyway) · Test & save. */
export function EditorFooter({ probe, testing, saving, testResult, saveLabel, onCancel, onTest, onSaveAnyway }: EditorFooterProps) {
  const note = probe?.note ?? (probe?.kind === 'metadata' || probe?.kind === 'count_tokens' ? 'Test makes one metadata call (no inference): it checks the key, the endpoint and the model.' : '');
  return (
    <div className="spread editor-footer">
      <div className="hint test-note" data-testid="test-note">
        {note}
      </div>
      <div className="row actions-end">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn" disabled={testing || saving} aria-busy={testing} onClick={onTest}>
          {testing ? <span className="spinner" aria-hidden /> : null} Test
        </button>
        {testResult && !testResult.ok && (
          <button type="button" className="btn" disabled={saving || testing} onClick={onSaveAnyway}>
            Save anyway
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={saving || testing}>
          {saving ? <span className="spinner" aria-hidden /> : null} {saveLabel}
        </button>
      </div>
    </div>
  );
}
