import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const StatusPage = lazy(() => import('./status-page'));
const RecordsPage = lazy(() => import('./records-page'));
const AlertsPage = lazy(() => import('./alerts-page'));

const guarded = (el: ReactElement) => <RequireLogin>{el}</RequireLogin>;

/** The device-operations screens, for the app's `<Routes>`: every one needs a login. */
export const OPERATIONS_ROUTES = (
  <>
    <Route path="operations" element={guarded(<StatusPage />)} />
    <Route path="operations/systems/:id" element={guarded(<RecordsPage />)} />
    <Route path="operations/alerts" element={guarded(<AlertsPage />)} />
  </>
);
