import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A LibreOffice for tests: its own profile folder (parallel runs with one profile collide), and a fontconfig
 * that maps the fonts government documents name (仿宋_GB2312, 宋体) to Noto Serif CJK SC, as a Chinese
 * Windows machine would render them. LibreOffice is slow to start: convert a few files once per test file.
 */
export interface LibreOffice {
  /**
   * Converts `files` to `target` (`pdf`, `txt:Text`, a csv filter string, `docx`, …) into `outDir`; returns the
   * output paths (one per input; for csv with all sheets, the caller lists the folder). Throws when an output
   * is missing: soffice exits 0 even when it fails.
   */
  convert(files: string[], target: string, outDir: string, infilter?: string): Promise<string[]>;
}

/** Prepares a LibreOffice whose profile and fontconfig live under `dir`. */
export async function libreOffice(dir: string): Promise<LibreOffice> {
  const fontsConf = join(dir, 'fonts.conf');
  const alias = (family: string) => `<alias binding="same"><family>${family}</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>`;
  await writeFile(fontsConf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${alias('仿宋_GB2312')}${alias('宋体')}</fontconfig>`);
  const profile = `file://${join(dir, 'profile')}`;
  return {
    async convert(files, target, outDir, infilter) {
      await mkdir(outDir, { recursive: true });
      const args = [`-env:UserInstallation=${profile}`, '--headless', ...(infilter === undefined ? [] : [`--infilter=${infilter}`]), '--convert-to', target, '--outdir', outDir, ...files];
      const { stdout } = await run('soffice', args, { timeout: 240_000, env: { ...process.env, FONTCONFIG_FILE: fontsConf } });
      const ext = target.split(':')[0] as string;
      const outputs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${ext}`));
      if (ext !== 'csv') {
        for (const out of outputs) if (!existsSync(out)) throw new Error(`soffice did not write ${out}: ${stdout}`);
      }
      return outputs;
    },
  };
}

/** CSV as LibreOffice writes it is read with the app's own RFC 4180 reader (the curated-list import's). */
export { parseCsv } from '../../shared/library/parse-csv.ts';
