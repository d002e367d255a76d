import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type ProfileView, type SlotView } from '../../api';
import { ToastProvider } from '../../ui/Toasts';
import { catalog, fakeApi } from '../../test/fakeApi';
import { ProfilesView } from './ProfilesView';

const slot = (over: Partial<SlotView>): SlotView => ({
  provider: 'anthropic',
  providerName: 'Anthropic',
  model: 'claude-sonnet-4-6',
  modelName: 'Claude Sonnet 4.6',
  recommended: true,
  effectiveBaseURL: 'https://api.anthropic.com/v1',
  hasKey: true,
  apiKeyMasked: 'sk…xyz',
  ...over,
});

function renderProfiles(profiles: ProfileView[]) {
  render(
    <ApiContext.Provider value={fakeApi().api}>
      <ToastProvider>
        <ProfilesView catalog={catalog} profiles={profiles} reload={vi.fn()} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
      </ToastProvider>
    </ApiContext.Provider>,
  );
}

describe('profile summary card', () => {
  // Kodus's summary never shows Custom (it stores no effort for it).
  it('shows Custom and the JSON for a Custom slot, the level otherwise', () => {
    const override = '{\n  "provider": { "order": ["moonshot", "together", "fireworks"], "ignore": ["deepinfra"] }\n}';
    const p: ProfileView = {
      name: 'team',
      main: slot({ reasoningEffort: 'custom', reasoningConfigOverride: override }),
      advice: [],
      createdAt: '',
      updatedAt: '',
    };
    const other: ProfileView = { ...p, name: 'plain', main: slot({ reasoningEffort: 'medium' }) };
    renderProfiles([p, other]);
    const code = within(screen.getByRole('region', { name: 'Profile team' })).getByTestId('custom-json');
    expect(code.textContent!.startsWith('{"provider"')).toBe(true);
    expect(code.textContent!.endsWith('…')).toBe(true);
    expect(code).toHaveAttribute('title', JSON.stringify(JSON.parse(override)));
    expect(within(screen.getByRole('region', { name: 'Profile plain' })).getByTestId('thinking-summary')).toHaveTextContent(/^Medium$/);
  });

  it('never shows a value that is not sent: a Fallback’s unused settings, pins a Custom JSON replaces', () => {
    const p: ProfileView = {
      name: 'team',
      main: slot({
        provider: 'open_router',
        providerName: 'OpenRouter',
        model: 'moonshotai/kimi-k2.5',
        reasoningEffort: 'custom',
        reasoningConfigOverride: '{"openrouter":{"provider":{"order":["deepinfra"]}}}',
        openrouterProviderOrder: ['moonshot'],
        routingSent: { order: ['deepinfra'] },
      }),
      fallback: slot({
        reasoningEffort: 'high',
        maxInputTokens: 100000,
        ignored: ['Thinking High', 'Max input tokens 100000'],
        mainOnly: ['reasoningEffort', 'reasoningConfigOverride', 'openrouterProviderOrder', 'openrouterAllowFallbacks', 'maxInputTokens'],
      }),
      advice: [],
      createdAt: '',
      updatedAt: '',
    };
    renderProfiles([p]);
    const team = screen.getByRole('region', { name: 'Profile team' });
    const [main, fallback] = [team.querySelector('[data-slot="main"]') as HTMLElement, team.querySelector('[data-slot="fallback"]') as HTMLElement];
    expect(main).toHaveTextContent('Pinneddeepinfra — set by the Custom JSON');
    expect(main).not.toHaveTextContent('moonshot,');
    expect(within(fallback).queryByTestId('thinking-summary')).not.toBeInTheDocument();
    expect(within(fallback).queryByText('Max input', { selector: 'dt' })).not.toBeInTheDocument();
    expect(within(fallback).getByTestId('slot-ignored')).toHaveTextContent('Saved but not used on a Fallback (Kodus reads it from Main): Thinking High, Max input tokens 100000.');
  });

  it('says "no fallback" once, in the Fallback’s place', () => {
    const p: ProfileView = {
      name: 'solo',
      main: slot({}),
      advice: ['No fallback: add one on a different provider so reviews keep running when the main model is rate-limited or down.', 'Main has no concurrency limit.'],
      adviceCodes: ['no-fallback', 'unlimited'],
      createdAt: '',
      updatedAt: '',
    };
    renderProfiles([p]);
    const solo = screen.getByRole('region', { name: 'Profile solo' });
    expect(within(solo).getAllByText(/No fallback|Add a fallback/)).toHaveLength(1);
    expect(within(solo).getByTestId('fallback-advice')).toHaveTextContent('No fallback: add one on a different provider');
    expect(
      within(solo)
        .getAllByTestId('advice')
        .map((a) => a.textContent),
    ).toEqual(['Main has no concurrency limit.']);
  });
});
