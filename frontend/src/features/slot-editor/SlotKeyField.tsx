import type { CatalogModel, Provider, SlotCheck, Variant } from '../../api';
import { ExternalLink } from '../../ui/ExternalLink';
import { KeyInput } from '../keys/KeyInput';
import { keyLabelFor } from './PlanPicker';

interface SlotKeyFieldProps {
  value: string;
  onChange: (key: string) => void;
  error?: string;
  check: SlotCheck | null;
  card?: CatalogModel;
  variant?: Variant;
  provider?: Provider;
  /** The provider id in the form (Vertex takes a JSON key). */
  providerId: string;
  plan: string;
}

/** The key field of the slot editor: named after the brand or plan, with where to get a key. */
export function SlotKeyField({ value, onChange, error, check, card, variant, provider, providerId, plan }: SlotKeyFieldProps) {
  const brand = card?.providerDisplayName ?? provider?.displayName ?? 'Provider';
  const label = keyLabelFor(brand, card, plan);
  const optional = check ? !check.keyRequired && !check.keptKeyMasked : provider?.requiresKey === false && !card;
  const keyURL = variant?.apiKeyUrl ?? card?.apiKeyUrl ?? provider?.keyURL;
  const vertex = providerId === 'google_vertex';
  return (
    <KeyInput
      id="slot-key"
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      storedMasked={check?.keptKeyMasked}
      multiline={vertex}
      autoFocus
      placeholder={vertex ? 'Paste the service-account JSON (or its base64), or an API key' : `Paste your ${label}`}
      help={
        <>
          {optional ? 'Optional: local servers usually need no key. ' : ''}
          {keyURL && (
            <>
              Get a key at <ExternalLink href={keyURL} />.{' '}
            </>
          )}
          Stored only in your OS keychain.
        </>
      }
    />
  );
}
