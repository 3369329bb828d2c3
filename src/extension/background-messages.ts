/**
 * The messages the background script shows (as the action's title while the badge is on), besides the manifest's.
 * Listed here so the locales test holds every catalogue to them.
 */
export const BACKGROUND_MESSAGES = ['shortcutFilled', 'shortcutBrowserPage', 'shortcutCrossOriginFrame', 'shortcutNoField', 'shortcutSeveralFields', 'shortcutRefused', 'shortcutOpenPopup'] as const;
export type BackgroundMessage = (typeof BACKGROUND_MESSAGES)[number];
