import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../api';
import { KodusApiContext, type KodusApi, type KodusSession, type KodusStatusView } from '../../kodusApi';
import { KodusView } from './KodusView';

const profiles: ProfileView[] = [
  {
    name: 'team',
    main: {
      provider: 'anthropic',
      providerName: 'Anthropic',
      model: 'claude-sonnet-4-6',
      modelName: 'Claude Sonnet 4.6',
      recommended: true,
      effectiveBaseURL: '',
      hasKey: true,
      apiKeyMasked: 'sk…xyz',
    },
    advice: [],
    createdAt: '',
    updatedAt: '',
  },
];

const signedOut: KodusSession = { signedIn: false, url: '', apiBase: '', email: '', signedInAt: '' };
const signedIn: KodusSession = {
  signedIn: true,
  url: 'http://kodus:3000',
  apiBase: 'http://kodus:3000/api/proxy/api',
  email: 'me@example.com',
  signedInAt: '',
};

const status: KodusStatusView = {
  kodus: signedIn,
  status: {
    source: 'byok',
    models: [{ modelId: 'm1', model: 'gpt-5.4', providerId: 'openai', resolvable: true }],
    byok: { configured: true, model: 'gpt-5.4', providerId: 'openai' },
    env: { configured: true, model: 'glm-5.1', providerId: 'openai_compatible', baseUrl: 'https://api.z.ai/api/paas/v4' },
  },
  byokConfig: {
    shape: 'v2',
    models: [
      {
        id: 'm1',
        roles: ['default'],
        provider: 'openai',
        providerName: 'OpenAI',
        model: 'gpt-5.4',
        keyMasked: 'sk...abc',
        reasoningEffort: 'medium',
        resolvable: true,
      },
    ],
  },
  summary: 'Kodus uses its BYOK config: gpt-5.4 (OpenAI).',
  notes: ['A BYOK config saved in Kodus takes precedence over the .env: while it has a default model, Kodus does not use the .env’s model.'],
};

function fake(): KodusApi & { calls: string[] } {
  let session = signedOut;
  const calls: string[] = [];
  return {
    calls,
    session: vi.fn(async () => session),
    login: vi.fn(async (req) => {
      calls.push(`login ${req.url} ${req.email}`);
      if (req.password !== 'right') throw new Error('Kodus refused the email or password: Kodus said "api.users.unauthorized"');
      session = signedIn;
      return session;
    }),
    logout: vi.fn(async () => {
      session = signedOut;
      return [];
    }),
    status: vi.fn(async () => status),
    find: vi.fn(async () => ({ installs: [], searched: ['/home/me/kodus-installer'], dockerNote: 'running containers not checked: no docker command here' })),
    inspectDir: vi.fn(async () => {
      throw new Error('no compose file');
    }),
    pickFolder: vi.fn(async () => ''),
    planEnv: vi.fn(async () => {
      throw new Error('not used');
    }),
    applyEnv: vi.fn(async () => {
      throw new Error('not used');
    }),
    planApply: vi.fn(async () => {
      throw new Error('not used');
    }),
    apply: vi.fn(async () => {
      throw new Error('not used');
    }),
    onComposeLine: () => () => {},
  };
}

describe('KodusView', () => {
  it('signs in, says Kodus’s refusal, then shows what Kodus uses with the precedence', async () => {
    const user = userEvent.setup();
    const api = fake();
    render(
      <KodusApiContext.Provider value={api}>
        <KodusView profiles={profiles} />
      </KodusApiContext.Provider>,
    );
    await user.clear(await screen.findByLabelText('Kodus URL'));
    await user.type(screen.getByLabelText('Kodus URL'), 'http://kodus:3000');
    await user.type(screen.getByLabelText('Email'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('kodus-signin-error')).toHaveTextContent('api.users.unauthorized');
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('kodus-source')).toHaveTextContent('BYOK config');
    expect(screen.getByTestId('kodus-models')).toHaveTextContent('sk...abc');
    expect(screen.getByTestId('kodus-env')).toHaveTextContent('glm-5.1');
    expect(screen.getByTestId('kodus-notes')).toHaveTextContent('takes precedence over the .env');
    expect(screen.getByTestId('kodus-signed-in')).toHaveTextContent('/api/proxy/api');
    expect(api.calls).toEqual(['login http://kodus:3000 me@example.com', 'login http://kodus:3000 me@example.com']);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Kodus' })).toBeInTheDocument();
  });
});
