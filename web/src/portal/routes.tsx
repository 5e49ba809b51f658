import { lazy } from 'react';
import { Route } from 'react-router-dom';

const PortalHomePage = lazy(() => import('./portal-home-page'));
const StatusPage = lazy(() => import('./status-page'));
const SignagePage = lazy(() => import('./signage-page'));

/** The portal screens, for the app's `<Routes>`: none needs a login. */
export const PORTAL_ROUTES = (
  <>
    <Route path="public" element={<PortalHomePage />} />
    <Route path="public/status" element={<StatusPage />} />
    <Route path="public/signage" element={<SignagePage />} />
  </>
);
