import type { ProfileView, SlotName } from '../../api';
import { TextField } from '../../ui/Field';
import { Segmented } from '../../ui/Segmented';

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
      <TextField
        id="target-profile"
        label="Profile"
        field="name"
        error={error}
        hint={existing ? `Updates the existing profile “${existing.name}”.` : 'A new profile is created.'}
        placeholder="e.g. team"
        list="profile-names"
        value={profileName}
        onChange={onProfileName}
        onBlur={onBlur}
      >
        <datalist id="profile-names">
          {profiles.map((p) => (
            <option key={p.name} value={p.name} />
          ))}
        </datalist>
      </TextField>
      <div className="field">
        <span className="label" id="target-slot-label">
          Slot
        </span>
        <Segmented label="Slot" options={(['main', 'fallback'] as SlotName[]).map((s) => ({ id: s, label: SLOT_LABEL[s] }))} value={slot} onChange={(v) => onSlot(v as SlotName)} />
        <div className="hint">Main is used for every review; Fallback when Main fails.</div>
      </div>
    </div>
  );
}
