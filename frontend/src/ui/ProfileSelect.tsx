import type { ProfileView } from '../api';

/** A labelled select of the saved profiles, each with its Main model. */
export function ProfileSelect({
  id,
  label,
  profiles,
  value,
  onChange,
  className = 'row-fill',
}: {
  id: string;
  label: string;
  profiles: ProfileView[];
  value: string;
  onChange: (name: string) => void;
  /** How the field sizes in its row. */
  className?: string;
}) {
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {profiles.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name} — {p.main.modelName}
          </option>
        ))}
      </select>
    </div>
  );
}
