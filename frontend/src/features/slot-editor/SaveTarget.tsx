import type { ProfileView, SlotName } from '../../api';
import { SLOT_LABEL, SlotTargetFields } from './SlotTargetFields';

interface SaveTargetProps {
  profileName: string;
  slot: SlotName;
  profiles: ProfileView[];
  error?: string;
  open: boolean;
  onOpen: () => void;
  onProfileName: (name: string) => void;
  onSlot: (slot: SlotName) => void;
  onBlur: () => void;
}

/**
 * Where the model is saved, in one line ("Saves as profile default, Main
 * model · Change"); the fields open when asked, when no name is set yet,
 * or when the name is wrong.
 */
export function SaveTarget({ profileName, slot, profiles, error, open, onOpen, onProfileName, onSlot, onBlur }: SaveTargetProps) {
  const existing = profiles.find((p) => p.name === profileName.trim());
  if (open || error || profileName.trim() === '') {
    return <SlotTargetFields profileName={profileName} slot={slot} profiles={profiles} existing={existing} error={error} onProfileName={onProfileName} onSlot={onSlot} onBlur={onBlur} />;
  }
  return (
    <div className="row small" data-field="name" data-testid="save-target">
      <span>
        {existing ? 'Updates' : 'Saves as'} profile <strong>{profileName.trim()}</strong>, {SLOT_LABEL[slot]} model
      </span>
      <button type="button" className="link-btn small" onClick={onOpen} aria-label="Change the profile or slot">
        Change
      </button>
    </div>
  );
}

/** A Fallback without a Main to back up, or on Main's provider: said before saving. */
export function FallbackWarnings({ existing, provider, baseURL }: { existing?: ProfileView; provider: string; baseURL: string }) {
  if (!existing) return <div className="alert alert-warn small">This profile has no Main model yet: save a Main first, then add the Fallback.</div>;
  const same = existing.main.provider === provider && (provider !== 'openai_compatible' || existing.main.baseURL === baseURL);
  if (!same) return null;
  return <div className="alert alert-warn small">Main also uses {existing.main.providerName}: an outage or rate limit there would stop both. A different provider makes a better fallback.</div>;
}
