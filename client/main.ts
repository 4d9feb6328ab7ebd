// Entry point. First, on a document's page, the browser copy starts loading while the rest evaluates.
import './offline/early-copy.ts';
// Then its session: a first visit connects while the rest evaluates.
import './collab/early-session.ts';
// The i18n module initialises on import, before the first element renders.
import './i18n/i18n.ts';
import './app/jixiao-app.ts';
import { parseRoute } from './app/routes.ts';
import { registerServiceWorker } from './offline/register-service-worker.ts';

// On a document's page, after its content is painted (installing the worker competes with it).
registerServiceWorker(parseRoute(new URL(window.location.href)).page === 'doc');
