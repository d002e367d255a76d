import { lazy, Suspense, useEffect, useState } from 'react';
import type { ProfileView } from '../../api';
import { useKodusApi, type KodusSession } from '../../kodusApi';
import { errorText } from '../../lib/errorText';

const KodusApplyPanel = lazy(() => import('../kodus/KodusApplyPanel').then((m) => ({ default: m.KodusApplyPanel })));

interface ProfileKodusApplyProps {
  profile: string;
  profiles: ProfileView[];
  /** Opens the Kodus view, where the user signs in. */
  onOpenKodus?: () => void;
  onClose: () => void;
}

/**
 * A profile card's "Apply to Kodus": the Kodus view's apply flow for this
 * profile, once signed in to Kodus; before that, where to sign in.
 */
export function ProfileKodusApply({ profile, profiles, onOpenKodus, onClose }: ProfileKodusApplyProps) {
  const api = useKodusApi();
  const [session, setSession] = useState<KodusSession | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api.session().then(setSession, (e) => setError(errorText(e)));
  }, [api]);

  let body;
  if (error) {
    body = (
      <div className="alert alert-err" role="alert">
        Couldn&apos;t read the Kodus sign-in: {error}
      </div>
    );
  } else if (!session) {
    body = <span className="spinner" aria-label="Loading" />;
  } else if (!session.signedIn) {
    body = (
      <div className="alert alert-warn" role="status" data-testid="kodus-apply-signed-out">
        <div className="alert-title">Not signed in to Kodus</div>
        Sign in to your Kodus on the Kodus page, then apply this profile from here or there.{' '}
        {onOpenKodus && (
          <button type="button" className="btn btn-sm" onClick={onOpenKodus}>
            Go to Kodus
          </button>
        )}
      </div>
    );
  } else {
    body = (
      <Suspense fallback={<span className="spinner" aria-label="Loading" />}>
        <KodusApplyPanel profiles={profiles} fixedProfile={profile} onApplied={() => {}} />
      </Suspense>
    );
  }
  return (
    <div className="stack" data-testid="profile-kodus-apply">
      {body}
      <div>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
