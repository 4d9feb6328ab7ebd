/**
 * True for bytes the server must read as an office file rather than text: a zip (.docx, .xlsx) or an OLE
 * compound file (a legacy .doc/.xls or an encrypted file, which the server refuses with advice). Judged by
 * content, as the server does, never by the file name.
 */
export function isBinaryOfficeFile(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}
