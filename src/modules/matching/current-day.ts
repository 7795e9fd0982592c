import { clock } from '../../platform/clock.ts';

/**
 * Today's China date, read from the clock at most once a second: the match route asks for it on
 * every call, thousands of times a second.
 */
export function createCurrentDay(): () => string {
  let readAt = 0;
  let today = clock.today();
  return () => {
    if (Date.now() - readAt > 1000) {
      today = clock.today();
      readAt = Date.now();
    }
    return today;
  };
}
