/** The workspace screens, for the app's `<Routes>`. */
export const WORKSPACE_ROUTES = <></>;
