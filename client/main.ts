// Entry point: the i18n module initialises on import, before the first element renders.
import './i18n/i18n.ts';
import './app/jixiao-app.ts';
import { registerServiceWorker } from './offline/register-service-worker.ts';

registerServiceWorker();
