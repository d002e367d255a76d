import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type ProfileView, type SlotView } from '../api';
import { ToastProvider } from '../components/Toasts';
import { catalog, fakeApi } from '../test/fakeApi';
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

describe('profile summary card', () => {
  // Kodus's summary never shows Custom (it stores no effort for it).
  it('shows Custom and the JSON for a Custom slot, the level otherwise', () => {
    const override = '{\n  "provider": { "order": ["moonshot", "together", "fireworks"], "ignore": ["deepinfra"] }\n}';
    const p: ProfileView = {
      name: 'team',
      main: slot({ reasoningEffort: 'custom', reasoningConfigOverride: '{\n  "thinking": { "type": "adaptive" }\n}' }),
      fallback: slot({ provider: 'open_router', model: 'moonshotai/kimi-k2.5', reasoningEffort: 'custom', reasoningConfigOverride: override }),
      advice: [],
      createdAt: '',
      updatedAt: '',
    };
    const other: ProfileView = { ...p, name: 'plain', main: slot({ reasoningEffort: 'medium' }), fallback: undefined };
    render(
      <ApiContext.Provider value={fakeApi().api}>
        <ToastProvider>
          <ProfilesView catalog={catalog} profiles={[p, other]} reload={vi.fn()} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
        </ToastProvider>
      </ApiContext.Provider>,
    );
    const team = screen.getByRole('region', { name: 'Profile team' });
    const [main, fallback] = within(team).getAllByTestId('thinking-summary');
    expect(main).toHaveTextContent('Custom {"thinking":{"type":"adaptive"}}');
    const code = within(fallback).getByTestId('custom-json');
    expect(code.textContent!.endsWith('…')).toBe(true);
    expect(code).toHaveAttribute('title', JSON.stringify(JSON.parse(override)));
    expect(within(screen.getByRole('region', { name: 'Profile plain' })).getByTestId('thinking-summary')).toHaveTextContent(/^Medium$/);
  });
});
