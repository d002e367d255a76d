import type { KeyTestResult } from '../../api';
import { KeyTestBanner } from '../keys/KeyTestBanner';

/** One slot's test: waiting, its result, or why it could not run. */
export type SlotTest = { pending: true } | { result: KeyTestResult } | { error: string };

export function SlotTestView({ test, label }: { test?: SlotTest; label: string }) {
  if (!test) return null;
  if ('pending' in test) {
    return (
      <div className="slot-test" role="status" aria-live="polite" data-testid={`slot-test-${label.toLowerCase()}`}>
        <span className="spinner" aria-hidden /> Testing {label}…
      </div>
    );
  }
  if ('error' in test) {
    return (
      <div className="alert alert-err small" role="alert" data-testid={`slot-test-${label.toLowerCase()}`}>
        <div className="alert-title">Connection failed</div>
        {test.error}
      </div>
    );
  }
  return (
    <div data-testid={`slot-test-${label.toLowerCase()}`}>
      <KeyTestBanner result={test.result} compact />
    </div>
  );
}
