import type { ExportFocus } from '../export/ExportView';

interface NextStepProps {
  profile: string;
  onExport: (focus: ExportFocus) => void;
  onDismiss: () => void;
}

/** After a save: the way from a saved profile to a Kodus that uses it. */
export function NextStep({ profile, onExport, onDismiss }: NextStepProps) {
  return (
    <section className="alert alert-ok stack next-step" aria-labelledby="next-step-title" data-testid="next-step">
      <div className="spread">
        <h3 id="next-step-title" className="alert-title next-step-title">
          Saved. Next: put profile {profile} into Kodus
        </h3>
        <button type="button" className="link-btn small" onClick={onDismiss}>
          Later
        </button>
      </div>
      <div className="grid-2">
        <div className="stack stack-snug">
          <div className="small">
            <strong>.env (Fixed Mode)</strong>: Kodus reads its model and key from these variables when its containers start; merge them into Kodus’s <code>.env</code> and run{' '}
            <code>docker compose up -d</code>.
          </div>
          <div>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => onExport('env')}>
              Write the .env…
            </button>
          </div>
        </div>
        <div className="stack stack-snug">
          <div className="small">
            <strong>BYOK config</strong>: Kodus keeps it per organisation and prefers it to the <code>.env</code>; it also carries the Fallback, concurrency and thinking. Enter it on Kodus’s “Bring
            your own key” page or send it to Kodus’s API.
          </div>
          <div>
            <button type="button" className="btn btn-sm" onClick={() => onExport('byok')}>
              BYOK config…
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
