// Entry point. First, on a document's page, the browser copy starts loading while the rest evaluates.
import './offline/early-copy.ts';
// The i18n module initialises on import, before the first element renders.
import './i18n/i18n.ts';
import './app/jixiao-app.ts';
import { registerServiceWorker } from './offline/register-service-worker.ts';

registerServiceWorker();
