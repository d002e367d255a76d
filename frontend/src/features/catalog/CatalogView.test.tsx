import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../api';
import { ToastProvider } from '../../ui/Toasts';
import { catalog, fakeApi } from '../../test/fakeApi';
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
  it('lists the recommended models first, in the catalog’s order, then the others', () => {
    renderCatalog();
    const recommended = catalog.models.filter((m) => m.tier === 'recommended');
    const rec = within(screen.getByTestId('recommended')).getAllByRole('article');
    expect(rec.map((b) => b.getAttribute('data-model'))).toEqual(recommended.map((m) => m.id));
    // Each card's button is named by what it shows: the model's name.
    expect(within(rec[0]).getByRole('button')).toHaveAccessibleName(recommended[0].displayName);
    const others = within(screen.getByTestId('others')).getAllByRole('article');
    expect(others).toHaveLength(catalog.models.length - recommended.length);
    expect(within(rec[0]).getByText(/temp 0 · 16,384 max out · thinking medium/)).toBeInTheDocument();
  });

  it('gives a card one label, explained where it appears', () => {
    renderCatalog();
    for (const card of screen.getAllByRole('article')) {
      expect(card.querySelectorAll('.tag-accent').length).toBeLessThanOrEqual(1);
      expect(card).not.toHaveTextContent('Not recommended');
    }
    const flash = screen.getAllByRole('article').find((a) => a.getAttribute('data-model') === 'gemini-3-flash-preview');
    if (flash && catalog.models.find((m) => m.id === 'gemini-3-flash-preview')?.tier !== 'recommended') expect(flash).not.toHaveTextContent('Most affordable');
    expect(screen.getByText(/“Best value” and “Budget” are Kodus’s own tiers/)).toBeInTheDocument();
  });

  it('opens the connect panel for a card and the manual wizard', async () => {
    const user = userEvent.setup();
    renderCatalog();
    await user.click(screen.getByRole('button', { name: 'GLM 5.1' }));
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
