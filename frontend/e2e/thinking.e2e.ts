import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startApp, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const previewText = () => app.page.getByTestId('provider-options').textContent();

/** Replaces the Custom JSON as a paste would (no auto-closed brackets). */
async function pasteJSON(text: string) {
  const editor = app.page.getByRole('textbox', { name: 'Custom JSON' });
  await editor.click();
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.insertText(text);
}

describe('thinking', () => {
  it('Custom JSON: invalid shows the inline error at its line, fixed updates the preview, saved matches the CLI', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Choose a model' }).click();
    await page.getByRole('button', { name: 'Claude Sonnet 4.6', exact: true }).click();
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();

    // The model's level (Medium) and what the real backend says Kodus sends.
    expect(await page.getByRole('radio', { name: 'Medium' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(previewText).toContain('"effort": "medium"');
    expect(await previewText()).toContain('"type": "adaptive"');
    expect(await page.getByTestId('thinking-notes').textContent()).toContain('adaptive thinking steered by effort "medium"');

    await page.getByRole('radio', { name: 'Custom' }).click();
    await page.getByTestId('preview-empty').waitFor();
    expect(await page.locator('.cm-placeholder').textContent()).toContain('"type": "adaptive"');

    await pasteJSON('{\n  "thinking": { "type": "adaptive" },\n  "effort": "high",\n}');
    const error = page.locator('[data-field-error="reasoningConfigOverride"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Line 3, column 19: trailing comma');
    // The marker sits on line 3, at the comma (CodeMirror draws a short
    // range at a line's end as a point marker).
    const mark = page.locator('.cm-content .cm-lintRange-error, .cm-content .cm-lintPoint-error');
    await mark.first().waitFor({ state: 'attached' });
    const markLine = await mark.first().evaluate((m) => Array.from(document.querySelectorAll('.cm-content .cm-line')).indexOf(m.closest('.cm-line')!) + 1);
    expect(markLine).toBe(3);
    const markerLine = await page.locator('.cm-gutterElement .cm-lint-marker-error').evaluate((m) => {
      const gutter = m.closest('.cm-gutterElement') as HTMLElement;
      const lines = Array.from(document.querySelectorAll('.cm-content .cm-line')) as HTMLElement[];
      return lines.findIndex((l) => Math.abs(l.getBoundingClientRect().top - gutter.getBoundingClientRect().top) < 3) + 1;
    });
    expect(markerLine).toBe(3);
    expect(await page.getByTestId('preview-blocked').textContent()).toContain('silently drop it');
    await shot(app, 'thinking-custom-invalid');

    await pasteJSON('{\n  "thinking": { "type": "adaptive" }\n}');
    await expect.poll(() => page.getByTestId('provider-options').count()).toBe(1);
    await expect.poll(previewText).toContain('"type": "adaptive"');
    expect(await previewText()).not.toContain('effort');
    expect(await error.count()).toBe(0);
    expect(await mark.count()).toBe(0);
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(0);
    expect(await page.getByTestId('thinking-notes').textContent()).toContain("override replaced the preset's anthropic block: effort is no longer sent");
    await page.getByTestId('thinking-preview').scrollIntoViewIfNeeded();
    await shot(app, 'thinking-custom-fixed');

    await page.getByLabel('Anthropic API key').fill('sk-ant-api03-FAKEE2Ethinking0123456789-abc');
    // No provider is reachable from the tests: the key test fails, Save anyway saves.
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    const card = page.locator('[data-profile="default"]');
    await card.waitFor();
    expect(await card.getByTestId('thinking-summary').first().textContent()).toBe('Custom {"thinking":{"type":"adaptive"}}');

    // The command line computes the same providerOptions from the saved slot.
    const out = await app.cli(['options', 'default', '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).providerOptions).toEqual({ anthropic: { thinking: { type: 'adaptive' } } });
  });

  it('OpenRouter: pins merge with the preset in the preview, in light and dark', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add a model' }).click();
    await page.getByRole('button', { name: 'Kimi K2.5 (OpenRouter)', exact: true }).click();
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();
    await page.getByRole('radio', { name: 'High' }).click();
    // Typed as the user types: a trailing comma survives while typing.
    await page.getByLabel('Pin providers (in order)').pressSequentially('moonshot, together,');
    expect(await page.getByLabel('Pin providers (in order)').inputValue()).toBe('moonshot, together,');
    await page.getByLabel('Allow fallbacks').selectOption('false');
    await expect.poll(previewText).toContain('"allow_fallbacks": false');
    const sent = JSON.parse((await previewText()) ?? '{}');
    expect(sent).toEqual({ openrouter: { reasoning: { effort: 'high' }, provider: { order: ['moonshot', 'together'], allow_fallbacks: false } } });
    await page.getByTestId('thinking-preview').scrollIntoViewIfNeeded();
    await shot(app, 'thinking-openrouter');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'Custom' }).click();
    await pasteJSON('{\n  "provider": { "ignore": ["deepinfra"] }\n  "reasoning": { "effort": "high" }\n}');
    await page.locator('[data-field-error="reasoningConfigOverride"]').waitFor();
    expect(await page.locator('[data-field-error="reasoningConfigOverride"]').textContent()).toContain('Line 2, column 42: missing comma');
    await shot(app, 'thinking-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
