import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False on the server and during hydration, true once the page runs in a browser: buttons
 * that only work with JavaScript are not shown to people who have none.
 */
export function useHasJavaScript(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
