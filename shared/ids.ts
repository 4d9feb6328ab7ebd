const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new random id of 12 base-36 characters (~62 bits), usable as project, indicator or document id.
 * Uses `crypto.getRandomValues`, which exists in browsers on plain http too (unlike `randomUUID`).
 */
export function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
