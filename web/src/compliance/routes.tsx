import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireLogin } from '../session/require-login';

const CompliancePage = lazy(() => import('./compliance-page'));
const EntityAssessmentPage = lazy(() => import('./entity-page'));
const PenaltyCalculatorPage = lazy(() => import('./penalty-calculator-page'));

/** The compliance screens, for the app's `<Routes>`: the calculator is public, the sweep's results need a login. */
export const COMPLIANCE_ROUTES = (
  <>
    <Route path="penalties" element={<PenaltyCalculatorPage />} />
    <Route
      path="compliance"
      element={
        <RequireLogin>
          <CompliancePage />
        </RequireLogin>
      }
    />
    <Route
      path="compliance/entities/:kind/:id"
      element={
        <RequireLogin>
          <EntityAssessmentPage />
        </RequireLogin>
      }
    />
  </>
);
