/** The ledger screens, for the app's `<Routes>`. */
export const LEDGER_ROUTES = <></>;
