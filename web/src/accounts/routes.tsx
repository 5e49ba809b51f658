import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const AccountsPage = lazy(() => import('./accounts-page'));
const PasswordPage = lazy(() => import('./password-page'));

const guarded = (el: ReactElement) => <RequireLogin>{el}</RequireLogin>;

/** Account administration (the administrator) and one's own password (everyone), for the app's `<Routes>`. */
export const ACCOUNTS_ROUTES = (
  <>
    <Route path="accounts" element={guarded(<AccountsPage />)} />
    <Route path="account/password" element={guarded(<PasswordPage />)} />
  </>
);
