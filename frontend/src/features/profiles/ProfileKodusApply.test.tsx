import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type ProfileView } from '../../api';
import { KodusApiContext, type KodusApi, type KodusApplyPlan, type KodusSession } from '../../kodusApi';
import { ToastProvider } from '../../ui/Toasts';
import { catalog, fakeApi } from '../../test/fakeApi';
import { ProfilesView } from './ProfilesView';

const team: ProfileView = {
  name: 'team',
  main: { provider: 'openai', providerName: 'OpenAI', model: 'gpt-5.4', modelName: 'GPT-5.4', recommended: true, effectiveBaseURL: 'https://api.openai.com/v1', hasKey: true, apiKeyMasked: 'sk…xyz' },
  advice: [],
  createdAt: '',
  updatedAt: '',
};

const plan: KodusApplyPlan = {
  profile: 'team',
  line: 'latest',
  shape: 'v2',
  usesNow: 'its .env: glm-5.1',
  usesAfter: 'its BYOK config: gpt-5.4 (OpenAI)',
  changes: [{ kind: 'add', what: 'Main model', before: '', after: 'gpt-5.4 (OpenAI)' }],
  warnings: [],
  notes: [],
  digest: 'd1',
};

function kodus(signedIn: boolean): KodusApi {
  const session: KodusSession = { signedIn, url: signedIn ? 'http://kodus:3001' : '', apiBase: '', email: '', signedInAt: '' };
  const unused = vi.fn(async () => {
    throw new Error('not used');
  });
  return {
    session: vi.fn(async () => session),
    login: unused,
    logout: vi.fn(async () => []),
    status: unused,
    find: unused,
    inspectDir: unused,
    pickFolder: vi.fn(async () => ''),
    planEnv: unused,
    applyEnv: unused,
    planApply: vi.fn(async () => plan),
    apply: vi.fn(async () => ({ plan, applied: true, notes: [], statusSummary: 'Kodus uses its BYOK config: gpt-5.4 (OpenAI).' })),
    onComposeLine: () => () => {},
  };
}

function renderProfiles(k: KodusApi, onOpenKodus = vi.fn()) {
  const { api } = fakeApi([team]);
  render(
    <ApiContext.Provider value={api}>
      <KodusApiContext.Provider value={k}>
        <ToastProvider>
          <ProfilesView catalog={catalog} profiles={[team]} reload={async () => {}} onChooseModel={vi.fn()} onNewProfile={vi.fn()} onOpenKodus={onOpenKodus} />
        </ToastProvider>
      </KodusApiContext.Provider>
    </ApiContext.Provider>,
  );
  return onOpenKodus;
}

describe('Apply to Kodus from a profile card', () => {
  it('runs the Kodus apply flow for that profile: difference, confirmation, result', async () => {
    const user = userEvent.setup();
    const k = kodus(true);
    renderProfiles(k);
    await user.click(screen.getByRole('button', { name: 'Apply to Kodus: profile team' }));
    const panel = await screen.findByRole('region', { name: 'Apply profile team to Kodus (BYOK)' });
    expect(within(panel).queryByLabelText('Profile to apply')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: /Show the difference/ }));
    expect(await within(panel).findByTestId('kodus-uses-after')).toHaveTextContent('its BYOK config: gpt-5.4 (OpenAI)');
    expect(k.planApply).toHaveBeenCalledWith('team');
    await user.click(within(panel).getByRole('button', { name: 'Apply to Kodus…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Apply to Kodus' }));
    expect(await within(panel).findByTestId('kodus-apply-result')).toHaveTextContent('Saved in Kodus.');
    expect(k.apply).toHaveBeenCalledWith('team', 'd1');
  });

  it('says to sign in first, and leads to the Kodus view', async () => {
    const user = userEvent.setup();
    const k = kodus(false);
    const onOpenKodus = renderProfiles(k);
    await user.click(screen.getByRole('button', { name: 'Apply to Kodus: profile team' }));
    expect(await screen.findByTestId('kodus-apply-signed-out')).toHaveTextContent('Not signed in to Kodus');
    await user.click(screen.getByRole('button', { name: 'Go to Kodus' }));
    expect(onOpenKodus).toHaveBeenCalled();
    expect(k.planApply).not.toHaveBeenCalled();
  });
});
