import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactsDir, shot, startApp, type RunningApp } from './harness';

let app: RunningApp;
let repo: string;

/** A small repository made with git: three pull requests merged into main, a lock-file bump on main. */
function makeRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kodus-byok-repo-'));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.test',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.test',
  };
  const git = (args: string[], daysAgo = 1) => {
    const when = new Date(Date.now() - daysAgo * 86400_000).toISOString();
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: dir,
      env: { ...env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
      stdio: 'pipe',
    });
  };
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  git(['init', '-q', '-b', 'main']);
  write('src/app.ts', 'export const answer = 42;\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'init'], 40);
  const pr = (n: number, files: Record<string, string>, daysAgo: number) => {
    git(['checkout', '-q', '-b', `feature-${n}`]);
    for (const [f, t] of Object.entries(files)) write(f, t);
    git(['add', '.']);
    git(['commit', '-q', '-m', `feature ${n}`], daysAgo + 1);
    git(['checkout', '-q', 'main']);
    git(['merge', '-q', '--no-ff', '-m', `Merge pull request #${n}`, `feature-${n}`], daysAgo);
  };
  pr(1, { 'src/app.ts': 'export const answer = 42;\nexport function double(n: number) {\n  return n * 2;\n}\n' }, 20);
  write('yarn.lock', '# bump\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'bump lock file'], 15);
  pr(2, { 'src/cart.ts': Array.from({ length: 60 }, (_, i) => `export const item${i} = { id: ${i}, name: 'item ${i}', price: ${i * 3} };`).join('\n') + '\n' }, 10);
  pr(3, { 'src/app.ts': 'export const answer = 43;\nexport function double(n: number) {\n  return n * 2;\n}\n' }, 5);
  return dir;
}

beforeAll(async () => {
  repo = makeRepo();
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('cost from your own history', () => {
  it('reads a repository typed in, shows its numbers and the histogram, and prices it like the CLI', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cost' }).click();
    await page.getByRole('radio', { name: 'Use my repository' }).click();
    const bad = join(repo, '..');
    await page.getByLabel('Repository folder').fill(bad);
    await page.getByRole('button', { name: 'Read history' }).click();
    await expect.poll(() => page.getByTestId('repo-error').textContent()).toContain('not a git repository');

    await page.getByLabel('Repository folder').fill(repo);
    await page.getByLabel('Repository folder').press('Enter');
    const summary = page.getByTestId('repo-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('3 merges on main');
    expect(await summary.textContent()).toContain('2 commits made directly on the branch are not counted');
    // The histogram is real SVG: one bar per size bucket with changes.
    // Three changes are too few for a steady month: said next to the numbers.
    expect(await page.getByTestId('repo-caveat').textContent()).toContain('only 3 changes');
    const hist = page.getByTestId('size-histogram');
    await hist.waitFor();
    expect(await hist.getAttribute('data-summary')).toMatch(/: \d/);
    expect(await page.locator('[data-testid="size-histogram"] .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(1);
    const sonnet = page.locator('[data-testid="cost-table"] tr[data-model="claude-sonnet-4-6"]');
    await sonnet.waitFor();
    expect(await page.getByTestId('biggest-changes').textContent()).toContain('Merge pull request #2');

    // The command line on the same data dir agrees with the window's numbers and the month.
    const cli = await app.cli(['cost', '--repo', repo, '--since', '90d', '--model', 'claude-sonnet-4-6', '--json']);
    expect(cli.code).toBe(0);
    const out = JSON.parse(cli.stdout);
    expect(out.repo.changes).toBe(3);
    expect(await page.getByTestId('repo-median').textContent()).toContain(`${out.repo.medianTokens} tokens`);
    const month = Number(out.rows[0].perMonth).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
    await expect.poll(() => sonnet.getByTestId('per-month').textContent()).toBe(month);

    await shot(app, 'cost-repo');
    await page
      .getByTestId('repo-summary')
      .locator('..')
      .screenshot({ path: join(artifactsDir, 'cost-repo-summary.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(app, 'cost-repo-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
