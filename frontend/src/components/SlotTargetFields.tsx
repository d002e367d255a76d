import type { ProfileView, SlotName } from '../api';
import { describedBy, Field } from './Field';

export const SLOT_LABEL: Record<SlotName, string> = { main: 'Main', fallback: 'Fallback' };

interface SlotTargetFieldsProps {
  profileName: string;
  slot: SlotName;
  profiles: ProfileView[];
  /** The saved profile of that name, if any. */
  existing?: ProfileView;
  error?: string;
  onProfileName: (name: string) => void;
  onSlot: (slot: SlotName) => void;
  onBlur: () => void;
}

/** Where a model from the catalog is saved: which profile, which slot. */
export function SlotTargetFields({ profileName, slot, profiles, existing, error, onProfileName, onSlot, onBlur }: SlotTargetFieldsProps) {
  return (
    <div className="grid-2">
      <Field id="target-profile" label="Profile" field="name" error={error} hint={existing ? `Updates the existing profile “${existing.name}”.` : 'A new profile is created.'}>
        <input
          id="target-profile"
          className="input"
          placeholder="e.g. team"
          list="profile-names"
          value={profileName}
          onChange={(e) => onProfileName(e.target.value)}
          onBlur={onBlur}
          {...describedBy('target-profile', error)}
        />
        <datalist id="profile-names">
          {profiles.map((p) => (
            <option key={p.name} value={p.name} />
          ))}
        </datalist>
      </Field>
      <div className="field">
        <span className="label" id="target-slot-label">
          Slot
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="target-slot-label">
          {(['main', 'fallback'] as SlotName[]).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={slot === s} onClick={() => onSlot(s)}>
              {SLOT_LABEL[s]}
            </button>
          ))}
        </div>
        <div className="hint">Main is used for every review; Fallback when Main fails.</div>
      </div>
    </div>
  );
}
