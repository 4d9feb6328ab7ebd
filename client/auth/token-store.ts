/*
 * The signed-in user's bearer token lives in localStorage so every tab of the app shares one
 * sign-in. Versioned key: a later change of what is stored cannot misread an old value.
 */
const STORAGE_KEY = 'jixiao.token.v1';

/** The stored bearer token, or null when signed out. */
export function readToken(): string | null {
  const token = localStorage.getItem(STORAGE_KEY);
  return token && token.trim() ? token.trim() : null;
}

/** Stores `token` as the current sign-in. */
export function storeToken(token: string): void {
  localStorage.setItem(STORAGE_KEY, token.trim());
}

/** Forgets the current sign-in. */
export function clearToken(): void {
  localStorage.removeItem(STORAGE_KEY);
}
