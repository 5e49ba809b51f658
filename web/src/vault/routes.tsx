/** The vault screens, for the app's `<Routes>`. */
export const VAULT_ROUTES = <></>;
