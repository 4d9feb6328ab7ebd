// Global CSS of the print layout: it must reach <print-layout> at the top of <body> and hide the app beside
// it, which styles inside shadow roots cannot do. Injected once by print-layout.ts.

/** The print stylesheet: hidden on screen; in print, only the layout shows, A4, one table per page start. */
export const PRINT_STYLES = `
@media screen { print-layout { display: none !important; } }
@media print {
  @page { size: A4; margin: 25mm 20mm 22mm 22mm; }
  body > :not(print-layout) { display: none !important; }
  print-layout { display: block; color: #000; background: #fff; font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 12pt; }
  .jx-print h1 { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 20pt; text-align: center; margin: 0 0 12pt; }
  .jx-print h2 { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 15pt; text-align: center; margin: 12pt 0; }
  .jx-print h3 { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 13pt; margin: 10pt 0 6pt; break-after: avoid; }
  .jx-print .body p { text-indent: 2em; margin: 0; line-height: 1.7; }
  .jx-print h2.part-two { break-before: page; }
  .jx-print-project { break-before: page; }
  .jx-print-project:first-of-type { break-before: auto; }
  .jx-print .unit { display: flex; justify-content: space-between; font-size: 10.5pt; margin-bottom: 2pt; break-after: avoid; }
  .jx-print table { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 10.5pt; }
  .jx-print table + table { border-top: none; }
  .jx-print th, .jx-print td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; word-break: break-all; }
  .jx-print th { font-weight: normal; text-align: center; }
  .jx-print td p { margin: 0; }
  .jx-print td.num, .jx-print td.level { text-align: center; }
  .jx-print thead { display: table-header-group; }
  .jx-print tr { break-inside: avoid; }
}
`;
