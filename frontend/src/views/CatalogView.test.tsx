import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../api';
import { ToastProvider } from '../components/Toasts';
import { catalog, fakeApi } from '../test/fakeApi';
import { CatalogView } from './CatalogView';

function renderCatalog() {
  const { api } = fakeApi();
  render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <CatalogView catalog={catalog} profiles={[]} target={{ profile: 'default', slot: 'main', fixed: false }} onDone={vi.fn()} />
      </ToastProvider>
    </ApiContext.Provider>,
  );
  return api;
}

describe('CatalogView', () => {
  it('lists the six recommended models first, then the others marked as such', () => {
    renderCatalog();
    const rec = within(screen.getByTestId('recommended')).getAllByRole('button');
    expect(rec.map((b) => b.getAttribute('data-model'))).toEqual(['claude-sonnet-4-6', 'claude-opus-4-7', 'gemini-3.1-pro-preview-customtools', 'gpt-5.4', 'kimi-k2.6', 'glm-5.1']);
    const others = within(screen.getByTestId('others')).getAllByRole('button');
    expect(others.length).toBeGreaterThanOrEqual(7);
    for (const o of others) expect(o).toHaveTextContent('Not recommended');
    expect(within(rec[0]).getByText(/temp 0 · 16,384 max out · thinking medium/)).toBeInTheDocument();
  });

  it('opens the connect panel for a card and the manual wizard', async () => {
    const user = userEvent.setup();
    renderCatalog();
    await user.click(screen.getByRole('button', { name: /GLM 5.1 by Z.ai/ }));
    expect(await screen.findByRole('radio', { name: 'Coding Plan' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Choose another model/ }));
    await user.click(screen.getByRole('button', { name: 'Configure manually' }));
    expect(screen.getByText(/Configure Main model manually/)).toBeInTheDocument();
  });

  it('walks the manual wizard: base URL required for OpenAI-compatible', async () => {
    const user = userEvent.setup();
    renderCatalog();
    await user.click(screen.getByRole('button', { name: 'Configure manually' }));
    await user.click(screen.getByRole('radio', { name: /OpenAI-compatible/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/Base URL: is required/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'http://localhost:11434/v1' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(await screen.findByLabelText('Model ID'), 'llama3.1:8b');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('form', { name: 'Model settings' })).toHaveTextContent('llama3.1:8b');
  });
});
