import { accessibilityRoutes } from './router-accessibility.tsx';

/**
 * The pages anyone reads without signing in, in the public frame (PublicLayout, routes of router.tsx):
 * each is linked from the footer of every page (components/site-footer.tsx).
 */
export const publicRoutes = [...accessibilityRoutes] as const;
