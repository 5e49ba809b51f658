/** The portal screens, for the app's `<Routes>`. */
export const PORTAL_ROUTES = <></>;
