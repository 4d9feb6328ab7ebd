// Entry point. First, on a document's page, the browser copy starts loading while the rest evaluates.
import './offline/early-copy.ts';
// Then its session: a first visit connects while the rest evaluates.
import './collab/early-session.ts';

// The rest of the app is a chunk of its own, loaded from here: while it downloads and compiles
// (off the main thread), the early session's socket opens and sends its token, so the server
// authenticates and loads the document meanwhile. In one chunk, the socket's open event waited
// for the whole app to evaluate. Not awaited: that chunk imports shared code from this one, and
// a top-level await here would have it wait for itself.
void import('./app/start-app.ts');
