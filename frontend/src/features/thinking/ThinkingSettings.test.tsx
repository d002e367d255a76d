import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@uiw/react-codemirror';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CatalogModel, SlotName } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { openAdvanced, renderApp } from '../../test/render';
import { SlotEditor } from '../slot-editor/SlotEditor';

// jsdom has no layout; CodeMirror measures text ranges.
beforeAll(async () => {
  // The editor loads lazily in the app; loaded once here so no test waits on it.
  await import('../../ui/lazy/JsonEditor');
  const rect = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) };
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect as DOMRect;
});

async function renderEditor(modelID: string, slot: SlotName = 'main') {
  const { api, state } = fakeApi();
  const card = catalog.models.find((m) => m.id === modelID) as CatalogModel;
  const initial = await api.draft(modelID, '');
  renderApp(api, <SlotEditor catalog={catalog} card={card} initial={initial} target={{ profile: 'default', slot, fixed: true }} profiles={[]} onSaved={vi.fn()} onCancel={vi.fn()} />);
  const user = userEvent.setup();
  await openAdvanced(user);
  return { api, state, user };
}

/** Replaces the editor's text as a paste would (the editor loads on first use). */
async function typeJSON(text: string) {
  const content = await screen.findByRole('textbox', { name: 'Custom JSON' });
  const view = EditorView.findFromDOM(content)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

const preview = () => screen.getByTestId('thinking-preview');

describe('Thinking settings', () => {
  it('starts from the model’s level and previews what Kodus sends', async () => {
    const { api } = await renderEditor('claude-sonnet-4-6');
    expect(screen.getByRole('radio', { name: 'Medium' })).toHaveAttribute('aria-checked', 'true');
    await waitFor(() => expect(within(preview()).getByTestId('provider-options')).toHaveTextContent('"level": "medium"'));
    expect(api.previewThinking).toHaveBeenLastCalledWith('main', expect.objectContaining({ provider: 'anthropic', model: 'claude-sonnet-4-6', reasoningEffort: 'medium' }));
  });

  it('explains Off as the model’s default', async () => {
    const { user } = await renderEditor('gpt-5.4');
    await user.click(screen.getByRole('radio', { name: 'Off' }));
    expect(screen.getByText(/Off: no reasoning options are sent, so the model’s default applies/)).toBeInTheDocument();
    await waitFor(() => expect(within(preview()).getByTestId('provider-options')).toHaveTextContent('{}'));
    expect(within(preview()).getByText("Off: no reasoning options: the model's default applies")).toBeInTheDocument();
  });

  it('moves the choice with the arrow keys', async () => {
    const { user } = await renderEditor('gpt-5.4');
    screen.getByRole('radio', { name: 'Medium' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'High' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: 'High' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('radio', { name: 'Low' })).toHaveAttribute('aria-checked', 'true');
  });

  it('Custom: the example as placeholder, an inline error at the right line, the preview once fixed', async () => {
    const { user, container } = { ...(await renderEditor('claude-sonnet-4-6')), container: document.body };
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    expect(await screen.findByTestId('preview-empty')).toHaveTextContent('Nothing yet');
    await waitFor(() => expect(container.querySelector('.cm-placeholder')).toHaveTextContent('"thinking": { "type": "enabled" }'));

    await typeJSON('{\n  "effort": "high",\n}');
    const err = await screen.findByText(/Line 2, column 19: trailing comma/);
    expect(err.closest('[data-field-error]')).toHaveAttribute('data-field-error', 'reasoningConfigOverride');
    expect(screen.getByRole('textbox', { name: 'Custom JSON' })).toHaveAttribute('aria-invalid', 'true');
    // The marker is on line 2, where the comma is.
    await waitFor(() => expect(container.querySelector('.cm-lint-marker-error')).not.toBeNull());
    const mark = container.querySelector('.cm-content .cm-lintRange-error, .cm-content .cm-lintPoint-error')!;
    expect(Array.from(container.querySelectorAll('.cm-content .cm-line')).indexOf(mark.closest('.cm-line')!)).toBe(1);
    expect(within(preview()).getByTestId('preview-blocked')).toHaveTextContent('Kodus itself would silently drop it');

    await typeJSON('{\n  "effort": "high"\n}');
    await waitFor(() => expect(within(preview()).getByTestId('provider-options')).toHaveTextContent('"effort": "high"'));
    expect(screen.queryByText(/Line 2, column 19: trailing comma/)).not.toBeInTheDocument();
    expect(container.querySelector('.cm-lintRange-error, .cm-lintPoint-error, .cm-lint-marker-error')).toBeNull();
    expect(within(preview()).getByText('warning: this model does not accept it')).toHaveClass('note-warn');
  });

  it('fills the example on request', async () => {
    const { user } = await renderEditor('glm-5.1');
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await user.click(await screen.findByRole('button', { name: 'Use the example' }));
    await waitFor(() => expect(within(preview()).getByTestId('provider-options')).toHaveTextContent('"openaiCompatible"'));
    expect(screen.queryByRole('button', { name: 'Use the example' })).not.toBeInTheDocument();
  });

  it('keeps the Custom JSON when a level is picked, but saves it only with Custom', async () => {
    const { user, state } = await renderEditor('claude-sonnet-4-6');
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await typeJSON('{"effort": "low"}');
    await user.click(screen.getByRole('radio', { name: 'High' }));
    expect(screen.getByTestId('custom-kept')).toHaveTextContent('saved only with Custom');
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    expect(EditorView.findFromDOM(screen.getByRole('textbox', { name: 'Custom JSON' }))!.state.doc.toString()).toBe('{"effort": "low"}');
    await user.click(screen.getByRole('radio', { name: 'High' }));
    await user.type(screen.getByLabelText(/API key/), 'sk-ant-api03-' + 'FAKE0123456789xyz');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0].config).toMatchObject({ reasoningEffort: 'high', reasoningConfigOverride: '' });
  });

  it('is not offered on a Fallback, where Kodus does not read it', async () => {
    const { api } = await renderEditor('gemini-3.1-pro-preview-customtools', 'fallback');
    expect(await screen.findByTestId('fallback-ignores')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Medium' })).not.toBeInTheDocument();
    expect(api.previewThinking).not.toHaveBeenCalled();
  });
});
