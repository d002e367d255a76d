// Renders a component as the app does: the Api, toasts and the leave guard.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiContext, type Api } from '../api';
import { ToastProvider } from '../ui/Toasts';
import { LeaveGuardProvider } from '../lib/leaveGuard';

export function renderApp(api: Api, ui: ReactNode) {
  return render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <LeaveGuardProvider>{ui}</LeaveGuardProvider>
      </ToastProvider>
    </ApiContext.Provider>,
  );
}

/** Opens the editor's Advanced section (closed by default). */
export async function openAdvanced(user: ReturnType<typeof userEvent.setup>) {
  const toggle = screen.getByRole('button', { name: 'Advanced' });
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
}
