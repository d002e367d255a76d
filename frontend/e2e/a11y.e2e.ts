import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { configureOpenAICompatible, nav, startApp, type RunningApp } from './harness';

// axe-core in the real app, on every view, light and dark: no serious or
// critical violation.
const axePath = resolve(__dirname, '..', 'node_modules', 'axe-core', 'axe.min.js');

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
  // A profile with a Fallback, saved from the command line, so Profiles and
  // Export have something to show.
  const main = await app.cli(['profile', 'set', 'team', '--provider', 'anthropic', '--model', 'claude-sonnet-4-6', '--key-stdin'], 'sk-ant-api03-FAKEe2eA11Y0123456789-abc');
  const fb = await app.cli(['profile', 'set', 'team', '--slot', 'fallback', '--provider', 'openai', '--model', 'gpt-5.4', '--key-stdin'], 'sk-proj-FAKEe2eA11Y0123456789');
  expect([main.code, fb.code]).toEqual([0, 0]);
});

afterAll(async () => {
  await app?.stop();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    // label-content-name-mismatch (a visible label not part of the accessible name) is experimental in axe: on here.
    const res = await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return {
      passed: res.passes.length,
      violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
    };
  });
  // The engine ran its rules on the page (an empty run would pass anything).
  expect(found.passed).toBeGreaterThan(10);
  return found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens a view, then checks it in light and dark. */
async function check(name: string, open: (page: Page) => Promise<void>) {
  const { page } = app;
  await open(page);
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const v of await seriousViolations(page)) problems.push(`${name}, ${scheme}: ${v}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(problems).toEqual([]);
}

describe('accessibility', () => {
  it('Profiles', () =>
    check('Profiles', async (page) => {
      await page.locator('[data-profile="team"]').waitFor();
      await page.getByRole('button', { name: 'Concurrency of team Main' }).click();
      await page.getByTestId('concurrency-chart').waitFor();
    }));

  it('Add a model', () =>
    check('Add a model', async (page) => {
      await nav(page, 'Add a model');
      await page.getByTestId('recommended').waitFor();
    }));

  it('the slot editor, closed and with Advanced and the JSON editor open', async () => {
    await check('slot editor', async (page) => {
      await page.getByRole('button', { name: 'GLM 5.1', exact: true }).click();
      await page.getByTestId('advanced-summary').waitFor();
    });
    await check('slot editor, Advanced', async (page) => {
      await page.getByRole('button', { name: 'Advanced', exact: true }).click();
      await page.getByRole('radio', { name: 'Custom' }).click();
      await page.locator('.cm-content').waitFor();
      await page.getByTestId('thinking-preview').waitFor();
    });
  });

  it('the manual wizard', async () => {
    await check('manual wizard', async (page) => {
      await nav(page, 'Add a model');
      await page.getByRole('button', { name: 'Configure manually' }).click();
      await page.getByRole('radiogroup', { name: 'Provider' }).waitFor();
    });
    await check('manual wizard, last step', async (page) => {
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await nav(page, 'Add a model');
      await configureOpenAICompatible(page, 'http://127.0.0.1:9/v1', 'a11y-model');
      await page.getByRole('form', { name: 'Model settings' }).waitFor();
    });
  });

  it('Cost', () =>
    check('Cost', async (page) => {
      await nav(page, 'Cost');
      await page.getByTestId('cost-table').waitFor();
      await page.getByTestId('cost-chart').waitFor();
      await page.getByTestId('level-chart').waitFor();
    }));

  it('Export', () =>
    check('Export', async (page) => {
      await nav(page, 'Export');
      await page.getByTestId('env-preview').waitFor();
      await page.getByTestId('byok-json').waitFor();
    }));

  it('System', () =>
    check('System', async (page) => {
      await nav(page, 'System');
      await page.getByRole('heading', { name: 'System' }).waitFor();
      await page.locator('.kv').first().waitFor();
    }));
});
