import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './ui/Toasts';
import { LeaveGuardProvider } from './lib/leaveGuard';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ToastProvider>
      <LeaveGuardProvider>
        <App />
      </LeaveGuardProvider>
    </ToastProvider>
  </StrictMode>,
);
