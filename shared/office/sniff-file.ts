/** What a file's first bytes say it is: a zip (.docx/.xlsx), an OLE compound file (.doc/.xls or an encrypted .docx/.xlsx), or anything else (text). */
export type FileKind = 'zip' | 'ole' | 'other';

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Recognises a file by its content, never by its name: `PK` → zip, the OLE signature → ole, else other. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && startsWith(bytes, ZIP) && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  return 'other';
}

/**
 * True when an OLE compound file is an encrypted Office Open XML file rather than a legacy .doc/.xls: Office
 * stores a password-protected .docx/.xlsx as a compound file with `EncryptionInfo` and `EncryptedPackage`
 * streams, whose names sit in the directory as UTF-16LE.
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
  // The directory of a real file is near its start or end; scanning the whole file stays linear.
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
