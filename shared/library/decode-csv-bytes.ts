/**
 * The text of a CSV file's bytes: UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's
 * "Unicode text"), else GB18030 (what Excel and WPS on a Chinese Windows save as "CSV"), chosen
 * because the bytes are not valid UTF-8. Null when the bytes are not text at all (a NUL byte
 * outside UTF-16: a binary file).
 */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return null;
  try {
    // `fatal`: an invalid sequence throws instead of becoming U+FFFD, which is how GB18030 is told apart.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
