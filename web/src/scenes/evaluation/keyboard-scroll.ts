/**
 * A table that scrolls sideways on a phone and holds no control of its own (a published grid, a diff):
 * its scrolled region takes the focus, so that it scrolls from the keyboard (WCAG 2.1.1).
 */
export const KEYBOARD_SCROLL = { viewportProps: { tabIndex: 0 } };
