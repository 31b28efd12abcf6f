import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

const WAIT_MS = 5_000;

/** Focus is nowhere in particular: on the page itself, or left on the link that led here. */
const focusIsFree = (main: HTMLElement) => {
  const active = document.activeElement;
  return !active || active === document.body || active === main || !main.contains(active);
};

/**
 * After each move to another page (not a change of filters on the same one), focus goes to the page's
 * heading, as a screen reader user expects from a new page. The heading may come, or be replaced, once
 * the page's data has loaded: it is awaited for a few seconds, until the reader acts (a key, a click) —
 * focus they placed themselves is never taken back. The first page of a visit keeps the browser's focus.
 */
export function useFocusHeadingOnNavigation(mainId: string) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the heading is awaited again on each new page (pathname)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(mainId);
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector('h1');
      if (!heading || document.activeElement === heading || !focusIsFree(main)) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(focusHeading);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      window.removeEventListener('keydown', stop, true);
      window.removeEventListener('pointerdown', stop, true);
    };
    const timer = window.setTimeout(stop, WAIT_MS);
    window.addEventListener('keydown', stop, true);
    window.addEventListener('pointerdown', stop, true);
    observer.observe(main, { childList: true, subtree: true });
    focusHeading();
    return stop;
  }, [pathname, mainId]);
}
