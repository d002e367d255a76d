import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { BedrockFields, bedrockKey, carriedKey, iamProblems } from './BedrockFields';
import { SlotEditor } from './SlotEditor';
import { ToastProvider } from '../../ui/Toasts';

const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function renderFields(auth = '', initialKey?: string) {
  const { api } = fakeApi();
  const onKey = vi.fn();
  const onAuth = vi.fn();
  const onRegion = vi.fn();
  const view = render(
    <ApiContext.Provider value={api}>
      <BedrockFields region="" auth={auth} onRegion={onRegion} onAuth={onAuth} onKey={onKey} initialKey={initialKey} errors={{}} onBlur={vi.fn()} />
    </ApiContext.Provider>,
  );
  return { onKey, onAuth, onRegion, view };
}

describe('BedrockFields', () => {
  it('makes one key of the IAM fields, with Kodus’s field names, only when complete', () => {
    expect(bedrockKey('iam', '', { accessKeyId: ID, secretAccessKey: '', sessionToken: '' })).toBe('');
    expect(JSON.parse(bedrockKey('iam', '', { accessKeyId: ` ${ID} `, secretAccessKey: SECRET, sessionToken: '' }))).toEqual({
      awsAccessKeyId: ID,
      awsSecretAccessKey: SECRET,
    });
    expect(JSON.parse(bedrockKey('iam', '', { accessKeyId: ID, secretAccessKey: SECRET, sessionToken: 'tok' })).awsSessionToken).toBe('tok');
    expect(bedrockKey('apiKey', 'ABSKkey', { accessKeyId: ID, secretAccessKey: SECRET, sessionToken: '' })).toBe('ABSKkey');
  });

  it('says what is wrong with IAM keys, field by field', () => {
    expect(iamProblems({ accessKeyId: '', secretAccessKey: '', sessionToken: '' })).toEqual({});
    expect(iamProblems({ accessKeyId: 'akia-lower', secretAccessKey: 'short', sessionToken: '' })).toEqual({
      accessKeyId: expect.stringContaining('AKIA'),
      secretAccessKey: expect.stringContaining('40 characters'),
    });
    expect(iamProblems({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: '' }).sessionToken).toMatch(/temporary/);
    expect(iamProblems({ accessKeyId: '', secretAccessKey: SECRET, sessionToken: '' }).accessKeyId).toMatch(/required/);
  });

  it('passes a Bedrock API key through, and switches to IAM on request', async () => {
    const user = userEvent.setup();
    const { onKey, onAuth } = renderFields();
    await user.type(screen.getByLabelText('Bedrock API key'), 'ABSKfakefakefakefake');
    await waitFor(() => expect(onKey).toHaveBeenLastCalledWith('ABSKfakefakefakefake'));
    await user.click(screen.getByRole('radio', { name: 'IAM access keys' }));
    expect(onAuth).toHaveBeenCalledWith('iam');
  });

  it('shows the IAM fields and their errors, and builds the key from them', async () => {
    const user = userEvent.setup();
    const { onKey } = renderFields('iam');
    expect(screen.queryByLabelText('Bedrock API key')).toBeNull();
    await user.type(screen.getByLabelText('Access key id'), 'ASIAIOSFODNN7EXAMPLE');
    expect(await screen.findByText(/Secret access key: is required/)).toBeInTheDocument();
    expect(screen.getByText(/Session token \(optional\): is required with a temporary/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Secret access key'));
    await user.paste(SECRET);
    await user.click(screen.getByLabelText('Session token (optional)'));
    await user.paste('FwoGZXIvYXdzEXAMPLE');
    await waitFor(() =>
      expect(JSON.parse(onKey.mock.lastCall![0])).toEqual({
        awsAccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        awsSecretAccessKey: SECRET,
        awsSessionToken: 'FwoGZXIvYXdzEXAMPLE',
      }),
    );
    expect(screen.queryByText(/is required/)).toBeNull();
  });

  it('takes an access key id carried over from a key suggestion as IAM auth', async () => {
    const { onAuth } = renderFields('', ID);
    expect(onAuth).toHaveBeenCalledWith('iam');
  });

  it('is what the slot editor shows for Amazon Bedrock, and saves region, auth and one key', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi();
    render(
      <ApiContext.Provider value={api}>
        <ToastProvider>
          <SlotEditor
            catalog={catalog}
            initial={{
              provider: 'amazon_bedrock',
              model: 'us.anthropic.claude-sonnet-4-6',
              plan: '',
              baseURL: '',
              reasoningEffort: '',
              reasoningConfigOverride: '',
              openrouterProviderOrder: [],
              vertexLocation: '',
              awsRegion: '',
              awsAuth: '',
            }}
            target={{ profile: 'team', slot: 'main', fixed: false }}
            profiles={[]}
            onSaved={vi.fn()}
            onCancel={vi.fn()}
          />
        </ToastProvider>
      </ApiContext.Provider>,
    );
    // Pasted, as people enter keys (and fast on a loaded machine).
    await user.click(screen.getByLabelText('Region'));
    await user.paste('eu-central-1');
    await user.click(screen.getByRole('radio', { name: 'IAM access keys' }));
    await user.click(screen.getByLabelText('Access key id'));
    await user.paste(ID);
    await user.click(screen.getByLabelText('Secret access key'));
    await user.paste(SECRET);
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(api.saveSlot).toHaveBeenCalled());
    const req = vi.mocked(api.saveSlot).mock.lastCall![0];
    expect(req.config).toMatchObject({ provider: 'amazon_bedrock', awsRegion: 'eu-central-1', awsAuth: 'iam' });
    expect(JSON.parse(req.apiKey)).toEqual({ awsAccessKeyId: ID, awsSecretAccessKey: SECRET });
  });
});

describe('carriedKey', () => {
  it('reads back what the fields made, an access key id, or an API key', () => {
    expect(carriedKey(JSON.stringify({ awsAccessKeyId: ID, awsSecretAccessKey: SECRET })).iam).toEqual({
      accessKeyId: ID,
      secretAccessKey: SECRET,
      sessionToken: '',
    });
    expect(carriedKey(ID).iam.accessKeyId).toBe(ID);
    expect(carriedKey('ABSKkey')).toEqual({ apiKey: 'ABSKkey', iam: { accessKeyId: '', secretAccessKey: '', sessionToken: '' } });
  });
});
