import type { Plugin } from 'vite';

/** The rollup input name of the service worker; it is written to /sw.js. */
export const SERVICE_WORKER_ENTRY = 'sw';

/**
 * Writes the list of every built file into the service worker (its `'__JIXIAO_PRECACHE__'`
 * literal), so it caches exactly this build, including chunks the first page never loaded.
 */
export function precacheManifest(): Plugin {
  return {
    name: 'jixiao-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f !== 'sw.js' && !f.endsWith('.map')).map((f) => `/${f}`);
      const worker = bundle['sw.js'];
      if (!worker || worker.type !== 'chunk') throw new Error('precache: the build wrote no sw.js');
      const literal = /(["'`])__JIXIAO_PRECACHE__\1/;
      if (!literal.test(worker.code)) throw new Error('precache: sw.js lost its manifest placeholder');
      worker.code = worker.code.replace(literal, JSON.stringify(JSON.stringify(files)));
    },
  };
}
