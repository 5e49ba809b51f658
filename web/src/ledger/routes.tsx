import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const LedgerPage = lazy(() => import('./ledger-page'));

/** The ledger screens, for the app's `<Routes>`. The data is public; the page is a tool for those who hold the platform to account. */
export const LEDGER_ROUTES = (
  <>
    <Route
      path="ledger"
      element={
        <RequireLogin>
          <LedgerPage />
        </RequireLogin>
      }
    />
  </>
);
