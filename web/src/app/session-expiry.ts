/**
 * Remembers that the session ended under the user (a 401 from some call), so that the sign-in
 * page can say "your session has expired" instead of greeting them as if nothing happened.
 */
let isExpired = false;

export function markSessionExpired(): void {
  isExpired = true;
}

export function consumeSessionExpired(): boolean {
  const was = isExpired;
  isExpired = false;
  return was;
}
