// The app proper, loaded by client/main.ts once the document's session has started.
// The i18n module initialises on import, before the first element renders.
import '../i18n/i18n.ts';
import './jixiao-app.ts';
import { parseRoute } from './routes.ts';
import { registerServiceWorker } from '../offline/register-service-worker.ts';

// On a document's page, after its content is painted (installing the worker competes with it).
registerServiceWorker(parseRoute(new URL(window.location.href)).page === 'doc');
