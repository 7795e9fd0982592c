import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { followServerClock } from '../lib/server-clock.ts';
import { Providers } from './providers.tsx';
import { router } from './router.tsx';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = container;
// "Today" is the server's China date: read its clock before the first form can default a date.
void followServerClock().then(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
