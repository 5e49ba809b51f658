import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const CapturedPage = lazy(() => import('./captured-page'));
const RequestsPage = lazy(() => import('./requests-page'));
const RequestPage = lazy(() => import('./request-page'));
const ViewingListPage = lazy(() => import('./viewing-list-page'));
const ViewingPage = lazy(() => import('./viewing-page'));
const EvidencePage = lazy(() => import('./evidence-page'));
const EventsPage = lazy(() => import('./events-page'));

const guarded = (el: ReactElement) => <RequireLogin>{el}</RequireLogin>;

/** The vault screens, for the app's `<Routes>`: every one needs a login. */
export const VAULT_ROUTES = (
  <>
    <Route path="captured" element={guarded(<CapturedPage />)} />
    <Route path="captured/requests" element={guarded(<RequestsPage />)} />
    <Route path="captured/requests/:id" element={guarded(<RequestPage />)} />
    <Route path="captured/viewing" element={guarded(<ViewingListPage />)} />
    <Route path="captured/viewing/:id" element={guarded(<ViewingPage />)} />
    <Route path="captured/evidence" element={guarded(<EvidencePage />)} />
    <Route path="captured/events" element={guarded(<EventsPage />)} />
  </>
);
