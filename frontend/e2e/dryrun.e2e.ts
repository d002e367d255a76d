import { describe, expect, it } from 'vitest';
import { addOpenAICompatible, shot, withProviderStandin } from './harness';

// A local OpenAI-compatible server on 127.0.0.1 that answers chat
// completions like Moonshot: any temperature but 1 is a 400 with
// Moonshot's documented error body; 1 is answered with usage.
const KEY = 'sk-FAKEe2eDRYrun0123456789abcdef';

const bodies: Record<string, unknown>[] = [];

const ctx = withProviderStandin((req, res) => {
  let raw = '';
  req.on('data', (d) => (raw += d));
  req.on('end', () => {
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    bodies.push(body);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.url !== '/v1/chat/completions' || req.headers.authorization !== `Bearer ${KEY}`) {
      return send(401, { error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } });
    }
    if (body.temperature !== 1) {
      return send(400, { error: { message: 'invalid temperature: only 1 is allowed for this model', type: 'invalid_request_error' } });
    }
    send(200, {
      id: 'chatcmpl-e2e',
      object: 'chat.completion',
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 64, total_tokens: 85, completion_tokens_details: { reasoning_tokens: 60 } },
    });
  });
});

describe('settings dry run', () => {
  it('previews the body without sending, then sends once and shows the refused temperature with its fix', async () => {
    const { app, baseURL } = ctx;
    const { page } = app;
    await addOpenAICompatible(page, baseURL, 'kimi-local', KEY);
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();
    await page.getByLabel('Temperature').fill('0.3');
    await page.getByLabel('Max output tokens').fill('4096');

    // Preview: the exact body, the key redacted, nothing sent.
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    const panel = page.getByTestId('dry-run');
    const body = panel.getByTestId('dry-run-body');
    await body.waitFor();
    const shown = JSON.parse((await body.textContent()) ?? '{}');
    expect(shown).toMatchObject({ model: 'kimi-local', max_tokens: 4096, temperature: 0.3 });
    expect(shown.messages[0].content).toContain('reply with the single word OK');
    expect(await panel.getByTestId('dry-run-url').textContent()).toBe(`POST ${baseURL}/chat/completions`);
    expect(await panel.innerText()).toContain('Bearer [redacted]');
    expect(bodies).toHaveLength(0);
    await panel.getByTestId('dry-run-cost').scrollIntoViewIfNeeded();
    await shot(app, 'dryrun-preview');

    // Send: a confirmation first, then exactly one request.
    await panel.getByRole('button', { name: 'Send once…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Send one billed request?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('127.0.0.1');
    await dialog.getByRole('button', { name: 'Send once' }).click();
    const verdict = panel.getByTestId('dry-run-result');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-code')).toBe('settings_rejected');
    const text = (await verdict.innerText()) ?? '';
    expect(text).toContain('Setting rejected: temperature · HTTP 400');
    expect(text).toContain('Provider said: invalid temperature: only 1 is allowed for this model');
    expect(await panel.getByTestId('dry-run-fix').innerText()).toContain('Fix: Set Temperature to 1');
    expect(bodies).toHaveLength(1);
    // The body the server got is the body shown.
    expect(bodies[0]).toEqual(shown);
    expect(await page.locator('body').innerText()).not.toContain(KEY.slice(8, 20));
    await panel.getByRole('heading', { name: 'Dry run' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(app, 'dryrun-rejected');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(app, 'dryrun-rejected-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The fix: temperature 1 rebuilds the request; sent again, accepted, with the usage.
    await page.getByLabel('Temperature').fill('1');
    await expect.poll(async () => JSON.parse((await panel.getByTestId('dry-run-body').textContent()) ?? '{}').temperature).toBe(1);
    await panel.getByRole('button', { name: 'Send once…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send once' }).click();
    await expect.poll(() => panel.getByTestId('dry-run-result').getAttribute('data-code')).toBe('ok');
    expect(await panel.getByTestId('dry-run-usage').innerText()).toContain('Used 21 input + 64 output tokens (60 reasoning)');
    expect(bodies).toHaveLength(2);
    await panel.getByRole('heading', { name: 'Dry run' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(app, 'dryrun-accepted');
  });

  it('runs the same dry run from the command line, and --preview sends nothing', async () => {
    const { app, baseURL } = ctx;
    const before = bodies.length;
    const set = await app.cli(['profile', 'set', 'local', '--provider', 'openai_compatible', '--model', 'kimi-local', '--base-url', baseURL, '--temperature', '0', '--key-stdin'], KEY);
    expect(set.code).toBe(0);
    const prev = await app.cli(['dryrun', 'local', '--preview', '--json']);
    expect(prev.code).toBe(0);
    expect(JSON.parse(prev.stdout)).toMatchObject({ ok: true, code: 'preview', usage: null, request: { body: { temperature: 0 } } });
    expect(bodies.length).toBe(before);
    const sent = await app.cli(['dryrun', 'local', '--yes', '--json']);
    expect(sent.code).toBe(1);
    expect(JSON.parse(sent.stdout)).toMatchObject({ code: 'settings_rejected', parameter: 'temperature', httpStatus: 400 });
    expect(bodies.length).toBe(before + 1);

    // The saved slot from the profile screen: preview only, nothing sent.
    const { page } = app;
    await page.reload();
    await page
      .getByRole('link', { name: 'Profiles' })
      .or(page.getByRole('button', { name: 'Profiles' }))
      .first()
      .click();
    await page.getByRole('button', { name: 'Dry run local Main' }).click();
    const panel = page.getByTestId('dry-run');
    await panel.getByTestId('dry-run-body').waitFor();
    expect(JSON.parse((await panel.getByTestId('dry-run-body').textContent()) ?? '{}')).toMatchObject({ model: 'kimi-local', temperature: 0 });
    expect(bodies.length).toBe(before + 1);
    await panel.getByRole('heading', { name: 'Dry run · Main' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(app, 'dryrun-profile');
  });
});
