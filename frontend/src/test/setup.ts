import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// The suite must pass on a loaded machine (CI, a laptop building the app):
// findBy*/waitFor poll up to 10 s instead of 1 s before they give up. They
// stop as soon as the element is there, so an idle machine is not slower.
configure({ asyncUtilTimeout: 10_000 });

// userEvent waits a timer tick between every key and pointer event by
// default; typing a 40-character key is then 40 round trips through a busy
// event loop. Tests do not need that pause: every userEvent.setup() here
// defaults to delay: null (a test can still pass its own delay).
const setup = userEvent.setup.bind(userEvent);
Object.assign(userEvent, { setup: (options: Parameters<typeof setup>[0] = {}) => setup({ delay: null, ...options }) });
