import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiContext } from '../../api';
import { fakeApi } from '../../test/fakeApi';
import { CostView } from '../cost/CostView';

async function openRepo() {
  const fake = fakeApi();
  const user = userEvent.setup();
  render(
    <ApiContext.Provider value={fake.api}>
      <CostView profiles={[]} />
    </ApiContext.Provider>,
  );
  await screen.findByTestId('cost-table');
  await user.click(screen.getByRole('radio', { name: 'Use my repository' }));
  return { ...fake, user };
}

// The charts load lazily in the app; loaded once here so no test waits on them.
beforeAll(async () => {
  await import('../../ui/lazy/CostCharts');
  await import('../../ui/lazy/RepoHistogram');
});

describe('Use my repository', () => {
  it('replaces the assumed PRs with the scanned history and prices it in Go', async () => {
    const { user, state } = await openRepo();
    // Measured, not assumed: those fields go; the fixed prompt per file call comes.
    expect(screen.queryByLabelText('PRs per month')).toBeNull();
    expect(screen.queryByLabelText('Changed files per PR')).toBeNull();
    expect(screen.getByLabelText('Fixed prompt per file call')).toHaveValue('4500');
    expect(screen.queryByTestId('cost-table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    // The folder comes back from the backend: wait for it, never assume it.
    await waitFor(() => expect(screen.getByLabelText('Repository folder')).toHaveValue('/src/picked'));
    await user.clear(screen.getByLabelText('Repository folder'));
    await user.type(screen.getByLabelText('Repository folder'), '/src/shop{Enter}');

    const summary = await screen.findByTestId('repo-summary');
    expect(summary).toHaveTextContent('42 merges on main');
    expect(within(summary).getByTestId('repo-per-month')).toHaveTextContent('14.2');
    expect(within(summary).getByTestId('repo-median')).toHaveTextContent('1.8k tokens');
    expect(within(summary).getByTestId('repo-p90')).toHaveTextContent('9.1k tokens');
    expect(summary).toHaveTextContent('15 commits made directly on the branch are not counted');
    expect(summary).toHaveTextContent('12 ignored by the list, 2 binary');
    expect((await screen.findByTestId('size-histogram')).getAttribute('data-summary')).toBe('500–1.0k: 9, 1.0k–2.0k: 14, 2.0k–5.0k: 11, 5.0k–10.0k: 5, 10.0k–20.0k: 2, 20.0k–50.0k: 1');
    expect(within(screen.getByTestId('biggest-changes')).getByText('Merge pull request #7 from shop/checkout')).toBeInTheDocument();
    expect(within(screen.getByTestId('biggest-changes')).getByText('$0.3125')).toBeInTheDocument();
    const table = await screen.findByTestId('cost-table');
    expect(within(table).getByRole('columnheader', { name: 'Per change' })).toBeInTheDocument();

    expect(state.scans[0]).toMatchObject({
      dir: '/src/shop',
      branch: '',
      sinceDays: 90,
      last: 0,
      contextLines: 3,
      ignore: ['# lock files', 'yarn.lock', 'vendor/'],
    });
    const req = state.costRequests[state.costRequests.length - 1];
    expect(req.repo).toEqual({ scanId: 'scan-1', calls: { filePromptTokens: 4500, chunkTokens: 38400 } });

    // Editing the fixed prompt reprices the same scan.
    await user.clear(screen.getByLabelText('Fixed prompt per file call'));
    await user.type(screen.getByLabelText('Fixed prompt per file call'), '6000');
    await waitFor(() => expect(state.costRequests[state.costRequests.length - 1].repo?.calls.filePromptTokens).toBe(6000));
    expect(state.scans).toHaveLength(1);
  }, 20_000); // three charts render in jsdom: slow on a loaded machine

  it('asks for a folder, says what is wrong with a bad one, and scans the last N changes', async () => {
    const { user, state } = await openRepo();
    await user.click(screen.getByRole('button', { name: 'Read history' }));
    expect(screen.getByText('Repository folder: choose or type the folder of a git repository')).toBeInTheDocument();
    expect(state.scans).toHaveLength(0);

    await user.type(screen.getByLabelText('Repository folder'), '/not-a-repo');
    await user.click(screen.getByRole('button', { name: 'Read history' }));
    expect(await screen.findByTestId('repo-error')).toHaveTextContent('not a git repository: no .git in /not-a-repo');

    await user.click(screen.getByRole('radio', { name: 'Last changes' }));
    await user.clear(screen.getByLabelText('Changes'));
    await user.type(screen.getByLabelText('Changes'), '50');
    await user.selectOptions(screen.getByLabelText('Context around each change'), 'The whole file');
    await user.clear(screen.getByLabelText('Repository folder'));
    await user.type(screen.getByLabelText('Repository folder'), '/src/shop{Enter}');
    await screen.findByTestId('repo-summary');
    expect(state.scans[1]).toMatchObject({ sinceDays: 0, last: 50, contextLines: -1 });
  });

  it('shows progress and stops on Cancel', async () => {
    const { user, api } = await openRepo();
    await user.type(screen.getByLabelText('Repository folder'), '/slow{Enter}');
    expect(await screen.findByTestId('repo-progress')).toHaveTextContent('Measuring changes: 10 of 42');
    expect(screen.getByRole('button', { name: 'Reading…' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Stopped. Nothing was priced.')).toBeInTheDocument();
    expect(api.cancelRepoScan).toHaveBeenCalled();
    expect(screen.queryByTestId('repo-error')).toBeNull();
  });

  it('edits, saves and resets the ignore list', async () => {
    const { user, state } = await openRepo();
    await user.click(screen.getByText(/Skipped files \(2 patterns, the defaults\)/));
    const list = screen.getByLabelText('Ignore list');
    await user.clear(list);
    await user.type(list, 'docs/{Enter}!go.sum');
    await user.click(screen.getByRole('button', { name: 'Save as my list' }));
    expect(await screen.findByText('Saved: used for every scan from now on.')).toBeInTheDocument();
    expect(state.ignoreSaved[0]).toEqual(['docs/', '!go.sum']);

    await user.clear(list);
    await user.type(list, 'a**b');
    await user.click(screen.getByRole('button', { name: 'Save as my list' }));
    expect(await screen.findByText('Ignore list: line 1: ** must be a whole path segment (a/**/b)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await waitFor(() => expect(list).toHaveValue('# lock files\nyarn.lock\nvendor/'));
  });
});
