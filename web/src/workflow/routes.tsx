import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const InboxPage = lazy(() => import('./inbox-page'));
const ItemsPage = lazy(() => import('./items-page'));
const ItemPage = lazy(() => import('./item-page'));
const NewItemPage = lazy(() => import('./new-item-page'));
const DocumentPage = lazy(() => import('./document-page'));
const OversightPage = lazy(() => import('./oversight-page'));
const PublicProvidersPage = lazy(() => import('./public-providers-page'));
const PublicWarningsPage = lazy(() => import('./public-warnings-page'));
const VerifyPage = lazy(() => import('./verify-page'));

const guarded = (el: ReactElement) => <RequireLogin>{el}</RequireLogin>;

/** The workflow screens, for the app's `<Routes>`: the work needs a login, the public lists and the verifier do not. */
export const WORKFLOW_ROUTES = (
  <>
    <Route path="work" element={guarded(<InboxPage />)} />
    <Route path="work/items" element={guarded(<ItemsPage />)} />
    <Route path="work/items/:id" element={guarded(<ItemPage />)} />
    <Route path="work/new/:machine" element={guarded(<NewItemPage />)} />
    <Route path="work/oversight" element={guarded(<OversightPage />)} />
    <Route path="documents/:id" element={guarded(<DocumentPage />)} />
    <Route path="public/providers" element={<PublicProvidersPage />} />
    <Route path="public/warnings" element={<PublicWarningsPage />} />
    <Route path="verify" element={<VerifyPage />} />
  </>
);
