import { runChaos } from './run-chaos.ts';

// `npm run chaos`: CHAOS_CYCLES (default 200), CHAOS_CLIENTS (default 20), CHAOS_SEED. Talks only
// to its own server on 127.0.0.1 and stops by itself.
const cycles = Number(process.env['CHAOS_CYCLES'] ?? 200) || 200;
const clients = Number(process.env['CHAOS_CLIENTS'] ?? 20) || 20;
const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 1_000_000);
console.log(`chaos: ${cycles} SIGKILL cycles, ${clients} clients, seed ${seed}`);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
const started = Date.now();
const report = await runChaos({ cycles, clients, seed, log: (line) => console.log(line) });
console.log(
  `chaos: ${report.cycles} cycles in ${((Date.now() - started) / 1000).toFixed(0)} s · ${report.acknowledged} acknowledged changes · ` +
    `${report.losses} lost · ${report.divergent} cycles without convergence`,
);
process.exit(report.losses || report.divergent ? 1 : 0);
