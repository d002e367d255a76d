import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type SlotMove } from '../../api';
import { fakeApi } from '../../test/fakeApi';
import { KodusLinePanel } from './KodusLinePanel';
import { SlotMoves } from '../profiles/SlotMoves';

describe('KodusLinePanel', () => {
  it('shows the release the app follows and saves another one', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi();
    const onChange = vi.fn();
    render(
      <ApiContext.Provider value={api}>
        <KodusLinePanel onChange={onChange} />
      </ApiContext.Provider>,
    );
    const mid = await screen.findByTestId('kodus-line-mid-2026');
    expect(mid.querySelector('input')).toBeChecked();
    await user.click(screen.getByTestId('kodus-line-current').querySelector('input')!);
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(api.setKodusLine).toHaveBeenCalledWith('current');
    expect(screen.getByTestId('kodus-line-current').querySelector('input')).toBeChecked();
  });
});

describe('SlotMoves', () => {
  it('says what Kodus now recommends and moves the slot', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi();
    const move: SlotMove = {
      slot: 'main',
      from: 'glm-5.1 on OpenAI-compatible',
      provider: 'zai',
      providerName: 'Z.ai',
      model: 'glm-5.2',
      modelName: 'GLM 5.2',
      plan: 'coding-plan',
      planLabel: 'Coding Plan',
      reason: 'Kodus latest reaches GLM through its own provider, zai.',
      changes: ['provider: openai_compatible → zai', 'key: FA…ake kept'],
    };
    let moved = false;
    api.slotMoves = vi.fn(async () => (moved ? [] : [move]));
    api.moveSlot = vi.fn(async () => {
      moved = true;
      return { profile: {} as never, move };
    });
    const reload = vi.fn(async () => {});
    render(
      <ApiContext.Provider value={api}>
        <SlotMoves profile="team" reload={reload} />
      </ApiContext.Provider>,
    );
    const card = await screen.findByTestId('slot-move');
    expect(card).toHaveTextContent('GLM 5.2 on Z.ai (Coding Plan)');
    expect(card).toHaveTextContent('key: FA…ake kept');
    await user.click(screen.getByRole('button', { name: /Move it/ }));
    await waitFor(() => expect(screen.queryByTestId('slot-move')).toBeNull());
    expect(api.moveSlot).toHaveBeenCalledWith('team', 'main');
    expect(reload).toHaveBeenCalled();
  });
});
