import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const DashboardPage = lazy(() => import('./dashboard-page'));

/** The workspace screens, for the app's `<Routes>`: the home page is the workspace; the dashboard also has a page of its own. */
export const WORKSPACE_ROUTES = (
  <Route
    path="dashboard"
    element={
      <RequireLogin>
        <DashboardPage />
      </RequireLogin>
    }
  />
);
