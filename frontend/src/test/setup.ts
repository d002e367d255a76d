import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// The suite must pass on a loaded machine (CI, a laptop building the app):
// findBy*/waitFor poll up to 10 s instead of 1 s before they give up. They
// stop as soon as the element is there, so an idle machine is not slower.
configure({ asyncUtilTimeout: 10_000 });

// userEvent keeps its default pause (one timer tick) between events: many
// tests rely on it to let a click's async handler settle, and delay: null
// made those race on a loaded machine. The time is in the timeouts above.
