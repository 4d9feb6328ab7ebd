// Entry point of `npm start` and `npm run serve`. First the pooled random source, before anything
// imports Yjs (lib0 binds crypto.getRandomValues when it is first imported: see pooled-random.ts);
// then the server, loaded only now. Nothing else may be imported statically here.
import { installPooledRandomValues } from './pooled-random.ts';

installPooledRandomValues();
await import('./serve.ts');
