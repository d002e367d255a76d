import { useEffect, useEffectEvent, useState } from 'react';
import { ExternalLink } from '../../ui/ExternalLink';
import { Field, secretInputProps, TextField } from '../../ui/Field';
import { KeyInput } from '../keys/KeyInput';

/** Regions Amazon Bedrock serves Claude in, offered as suggestions (any region can be typed). */
export const BEDROCK_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-central-1', 'eu-west-1', 'eu-west-3', 'ap-northeast-1', 'ap-southeast-2', 'ap-south-1'];

export type BedrockAuth = 'apiKey' | 'iam';

/** The IAM keys as typed; the slot's key is their JSON (kept in the keychain as one item). */
export interface IAMKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The key a Bedrock slot stores: the API key itself, or the IAM keys as Kodus names them. "" until complete. */
export function bedrockKey(auth: BedrockAuth, apiKey: string, iam: IAMKeys): string {
  if (auth === 'apiKey') return apiKey;
  const id = iam.accessKeyId.trim();
  const secret = iam.secretAccessKey.trim();
  if (!id || !secret) return '';
  const keys: Record<string, string> = { awsAccessKeyId: id, awsSecretAccessKey: secret };
  if (iam.sessionToken.trim()) keys.awsSessionToken = iam.sessionToken.trim();
  return JSON.stringify(keys);
}

/** What is wrong with IAM keys as typed, per field; empty when nothing is typed (a stored key is kept). */
export function iamProblems(iam: IAMKeys): Partial<Record<keyof IAMKeys, string>> {
  const id = iam.accessKeyId.trim();
  const secret = iam.secretAccessKey.trim();
  const out: Partial<Record<keyof IAMKeys, string>> = {};
  if (!id && !secret && !iam.sessionToken.trim()) return out;
  if (!id) out.accessKeyId = 'is required with the secret access key';
  else if (!/^(AKIA|ASIA)[A-Z2-7]{12,124}$/.test(id)) out.accessKeyId = 'starts with AKIA (long-term) or ASIA (temporary), upper-case letters and digits';
  if (!secret) out.secretAccessKey = 'is required with the access key id';
  else if (secret.length !== 40) out.secretAccessKey = `is 40 characters (this is ${secret.length}): copy it again in one piece`;
  if (id.startsWith('ASIA') && !iam.sessionToken.trim()) out.sessionToken = 'is required with a temporary (ASIA…) access key id';
  return out;
}

/** What a key carried into the fields holds: a Bedrock API key, an access key id, or IAM keys kept from an earlier visit. */
export function carriedKey(key = ''): { apiKey: string; iam: IAMKeys } {
  const k = key.trim();
  const none: IAMKeys = { accessKeyId: '', secretAccessKey: '', sessionToken: '' };
  if (/^(AKIA|ASIA)/.test(k)) return { apiKey: '', iam: { ...none, accessKeyId: k } };
  if (k.startsWith('{')) {
    try {
      const j = JSON.parse(k) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      if (str(j.awsAccessKeyId)) return { apiKey: '', iam: { accessKeyId: str(j.awsAccessKeyId), secretAccessKey: str(j.awsSecretAccessKey), sessionToken: str(j.awsSessionToken) } };
    } catch {
      // not IAM keys: shown as typed
    }
  }
  return { apiKey: key, iam: none };
}

// The IAM inputs, in order: the access key id is shown (it is not secret), the others hidden.
const IAM_PARTS: { part: keyof IAMKeys; id: string; label: string; field: string; hint: string; placeholder?: string }[] = [
  {
    part: 'accessKeyId',
    id: 'bedrock-access-key-id',
    label: 'Access key id',
    field: 'awsAccessKeyId',
    hint: 'AKIA… (an IAM user) or ASIA… (temporary). Stored only in your OS keychain.',
    placeholder: 'AKIA…',
  },
  { part: 'secretAccessKey', id: 'bedrock-secret-key', label: 'Secret access key', field: 'awsSecretAccessKey', hint: '40 characters, shown once when the access key was created.' },
  {
    part: 'sessionToken',
    id: 'bedrock-session-token',
    label: 'Session token (optional)',
    field: 'awsSessionToken',
    hint: "Only for temporary STS keys: they expire, and so will Kodus's access. Prefer long-term keys or an API key for an unattended Kodus.",
  },
];

interface BedrockFieldsProps {
  region: string;
  auth: string;
  onRegion: (r: string) => void;
  onAuth: (a: BedrockAuth) => void;
  /** Called with the slot's key whenever the credentials change ("" when none or incomplete). */
  onKey: (key: string) => void;
  /** The key a switch carried over (a pasted Bedrock API key or access key id). */
  initialKey?: string;
  storedMasked?: string;
  errors: Record<string, string>;
  onBlur: (field: string) => void;
}

/**
 * Amazon Bedrock's credentials: a Bedrock API key (bearer token) or IAM
 * access keys (signed with SigV4), and the region. Every secret goes to the
 * keychain as the slot's one key; nothing is stored in the profile.
 */
export function BedrockFields({ region, auth, onRegion, onAuth, onKey, initialKey, storedMasked, errors, onBlur }: BedrockFieldsProps) {
  const kind: BedrockAuth = auth === 'iam' ? 'iam' : 'apiKey';
  const carried = carriedKey(initialKey);
  const [apiKey, setAPIKey] = useState(carried.apiKey);
  const [iam, setIAM] = useState<IAMKeys>(carried.iam);
  const problems = iamProblems(iam);

  // An access key id pasted into a Bedrock slot means IAM auth.
  const pickIAM = useEffectEvent(() => {
    if (carried.iam.accessKeyId && auth !== 'iam') onAuth('iam');
  });
  useEffect(() => pickIAM(), []);
  const reportKey = useEffectEvent((k: string) => onKey(k));
  useEffect(() => reportKey(bedrockKey(kind, apiKey, iam)), [kind, apiKey, iam]);

  const setPart = (part: keyof IAMKeys, v: string) => setIAM((k) => ({ ...k, [part]: v }));
  const kept = storedMasked ? `Stored ${storedMasked} is kept if you leave these empty.` : '';

  return (
    <div className="stack" data-testid="bedrock-fields">
      <div className="field" data-field="awsAuth">
        <span className="label" id="bedrock-auth-label">
          Authentication
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="bedrock-auth-label">
          <button type="button" role="radio" aria-checked={kind === 'apiKey'} data-auth="apiKey" onClick={() => onAuth('apiKey')}>
            Bedrock API key
          </button>
          <button type="button" role="radio" aria-checked={kind === 'iam'} data-auth="iam" onClick={() => onAuth('iam')}>
            IAM access keys
          </button>
        </div>
        <div className="hint">
          {kind === 'apiKey'
            ? 'A long-term key (ABSK…) or a short-term one (bedrock-api-key-…, valid up to 12 hours in the region it was made for). Kodus uses an API key before IAM keys.'
            : 'An access key id and its secret, signed with SigV4; temporary keys (ASIA…) need their session token and expire.'}{' '}
          {kind === 'apiKey' ? (
            <ExternalLink href="https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html">How to generate a Bedrock API key</ExternalLink>
          ) : (
            <ExternalLink href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html">Managing IAM access keys</ExternalLink>
          )}
        </div>
      </div>

      <TextField
        id="bedrock-region"
        label="Region"
        field="awsRegion"
        error={errors.awsRegion}
        hint="Where Kodus calls Bedrock; us-east-1 when empty. A us. profile needs a us-* region, eu. an eu-* one."
        inputClass="mono"
        list="bedrock-regions"
        value={region}
        placeholder="us-east-1"
        spellCheck={false}
        onChange={onRegion}
        onBlur={() => onBlur('awsRegion')}
      >
        <datalist id="bedrock-regions">
          {BEDROCK_REGIONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </TextField>

      {kind === 'apiKey' ? (
        <KeyInput
          id="slot-key"
          label="Bedrock API key"
          value={apiKey}
          onChange={setAPIKey}
          error={errors.apiKey}
          storedMasked={storedMasked}
          autoFocus
          placeholder="ABSK… or bedrock-api-key-…"
          help="Stored only in your OS keychain."
        />
      ) : (
        <div className="stack">
          {IAM_PARTS.map(({ part, id, label, field, hint, placeholder }) => {
            const first = part === 'accessKeyId';
            const error = first ? (problems.accessKeyId ?? errors.apiKey) : problems[part];
            return (
              <Field key={part} id={id} label={label} field={field} error={error} hint={(first && kept) || hint}>
                <input
                  className="input mono"
                  type={first ? 'text' : 'password'}
                  {...secretInputProps({ id, value: iam[part], onChange: (v) => setPart(part, v), placeholder, autoFocus: first, error })}
                />
              </Field>
            );
          })}
        </div>
      )}
    </div>
  );
}
