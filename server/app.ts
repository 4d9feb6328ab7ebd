import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import { JixiaoHocuspocus } from './collab/jixiao-hocuspocus.ts';
import crossws from 'crossws/adapters/node';
import { loadSigningKey, type SigningKey } from './auth/tokens.ts';
import { loadDemoDocs } from './demo/load-demo-docs.ts';
import { DocService } from './docs/doc-service.ts';
import { AuthExtension } from './extensions/auth-extension.ts';
import { PersistenceExtension } from './extensions/persistence-extension.ts';
import { SocketGuardExtension } from './extensions/socket-guard-extension.ts';
import { ClientIdExtension } from './extensions/client-id-extension.ts';
import { ClientIdRegistry } from './collab/client-id-registry.ts';
import { addTokenRoutes } from './http/token-routes.ts';
import { CLOSE_CODES, resolveLimits, type LimitName } from '../shared/limits.ts';
import { isWellFormedFrame } from './collab/frame-check.ts';
import { hocuspocusSocket, socketServer } from './collab/socket-server.ts';
import { LogLimiter } from './collab/log-limiter.ts';
import { addDocRoutes } from './http/doc-routes.ts';
import { DocCatalogue } from './docs/doc-catalogue.ts';
import { addPeopleRoutes } from './http/people-routes.ts';
import { PeopleDirectory } from './people/people-directory.ts';
import { PeopleExtension } from './extensions/people-extension.ts';
import { addImportValidationRoutes } from './http/import-validation-routes.ts';
import { Router } from './http/router.ts';
import { addSessionRoutes } from './http/session-routes.ts';
import { sendError, sendJson, refuseDeclaredOversize } from './http/http-kit.ts';
import { guardRequests, guardUpgrades, refuseSocket } from './http/request-guard.ts';
import { JixiaoError } from '../shared/errors.ts';
import { serveStatic } from './http/static-files.ts';
import { DocStore } from './storage/doc-store.ts';
import { createKvStore } from './storage/open-kv-store.ts';
import { sharedSecretRefusal } from './config.ts';
import { redisLink } from './extensions/redis-link.ts';
import { RemoteAccessExtension } from './extensions/remote-access-extension.ts';
import { HistoryStore } from './storage/history-store.ts';
import { VersionStore } from './storage/version-store.ts';
import { AutoSnapshotExtension, type AutoSnapshotTiming } from './extensions/auto-snapshot-extension.ts';
import { OwedVersions } from './versions/owed-versions.ts';
import { HistoryExtension } from './extensions/history-extension.ts';
import { HistoryRecorder } from './history/history-recorder.ts';
import { HistoryRecovery } from './history/history-recovery.ts';
import { SYSTEM_AUTHOR } from './history/change-author.ts';
import { addVersionRoutes } from './http/version-routes.ts';
import { addExportRoutes } from './http/export-routes.ts';
import { VersionService } from './versions/version-service.ts';
import { addReviewRoutes } from './http/review-routes.ts';
import { addAcknowledgementRoutes } from './http/acknowledgement-routes.ts';
import { AcknowledgementService } from './review/acknowledgement-service.ts';
import { AccessService } from './review/access-service.ts';
import { CommentService } from './review/comment-service.ts';
import { ReviewWriter } from './review/review-writer.ts';
import { SuggestionService } from './review/suggestion-service.ts';
import { WorkflowService } from './review/workflow-service.ts';
import { GrantCheck } from './collab/grant-check.ts';
import { BurstWindow } from './collab/burst-window.ts';
import { UpdateGateExtension } from './extensions/update-gate-extension.ts';
import { sendFirstScreen } from './collab/send-first-screen.ts';
import { DocWrites } from './collab/doc-writes.ts';
import { addOrgRoutes } from './http/org-routes.ts';
import { createRouteGuard } from './http/route-policy.ts';
import { OrgService } from './orgs/org-service.ts';
import { OrgStore } from './storage/org-store.ts';
import { OverviewExtension } from './extensions/overview-extension.ts';
import { addOverviewRoutes } from './http/overview-routes.ts';
import { OverviewFeed } from './overview/overview-feed.ts';
import { OverviewRows } from './overview/overview-rows.ts';
import { addLibraryRoutes } from './http/library-routes.ts';
import { LibraryIndex } from './library/library-index.ts';
import { CuratedStore } from './storage/curated-store.ts';
import { addNextYearRoutes } from './http/next-year-routes.ts';
import { NextYearService } from './rollover/next-year-service.ts';
import { LineageStore } from './storage/lineage-store.ts';

/**
 * How long live history is gathered into one batch on LevelDB. What a kill leaves unwritten is
 * recovered from the log, so the length no longer bounds a loss; the history route waits for the
 * batch under way, so no one sees their change missing (measured: no effect on CPU per edit
 * between 250 ms and 2 s, test/bench/README.md "Nineteenth pass").
 */
const HISTORY_FLUSH_MS = 1_000;

/** How to run a jixiao server. */
export interface JixiaoServerOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one (tests). */
  port?: number;
  /** Folder for LevelDB and the local JWT secret. */
  dataDir: string;
  /** `postgres://…`: keep everything in PostgreSQL instead of LevelDB (several instances may share it). */
  databaseUrl?: string;
  /** `redis://…`: link with the other instances serving the same documents. */
  redisUrl?: string;
  /** HS256 secret; when absent a local secret is generated into dataDir and demo sign-in is on. */
  jwtSecret?: string;
  /** Built client to serve at `/`; default dist/client. */
  clientDir?: string;
  /** Load the demo documents when the store is empty. */
  demo?: boolean;
  /** Milliseconds of quiet before the update log is compacted (Hocuspocus debounce). */
  compactDebounceMs?: number;
  /** While edits go on, the store hook runs at least this often (Hocuspocus maxDebounce; default 10 s; tests shorten it). */
  compactMaxDebounceMs?: number;
  /** When automatic versions are taken (tests shorten it). */
  autoSnapshot?: Partial<AutoSnapshotTiming>;
  /**
   * How long a stopping server folds the logs of the documents it closes and takes the changed
   * ones' automatic versions (default 4,000 ms, within the 5 s it waits for them to close); the
   * logs of those closed later are folded when they are next closed, and they get no automatic
   * version. Tests shorten it.
   */
  shutdownFoldMs?: number;
  /** How often at most the overview's stream recomputes a changing document's row (default 1,000 ms). */
  overviewIntervalMs?: number;
  /** Limits to use instead of the environment's or the defaults (shared/limits.ts). */
  limits?: Partial<Record<LimitName, number>>;
}

/** A running server. `stop()` flushes writes, closes LevelDB and tells clients to reconnect. */
export interface JixiaoServer {
  url: string;
  port: number;
  key: SigningKey;
  store: DocStore;
  hocuspocus: Hocuspocus;
  /** Every API route as `METHOD pattern` (each must have a rule in shared/access/policy.ts). */
  routes: string[];
  /** The overview's live feed (tests check that nothing is observed while nobody watches). */
  overview: OverviewFeed;
  /** The content writes under way and the hold of a status change (tests hold a document to see what a colleague meets). */
  writes: DocWrites;
  stop(): Promise<void>;
}

/** Starts Hocuspocus at /collab, the API at /api and the client at / on one port. */
export async function startJixiaoServer(options: JixiaoServerOptions): Promise<JixiaoServer> {
  const refusal = sharedSecretRefusal({ DATABASE_URL: options.databaseUrl, REDIS_URL: options.redisUrl, JWT_SECRET: options.jwtSecret });
  if (refusal) throw new Error(refusal);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const key = await loadSigningKey(dataDir, options.jwtSecret);
  const store = new DocStore(await createKvStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir }));
  await store.open();
  const redis = options.redisUrl ? await redisLink(options.redisUrl) : undefined;

  const limits = resolveLimits(options.limits);
  const writes = new DocWrites();
  const people = new PeopleDirectory(store.db, (key, value) => store.putSynced(key, value));
  const historyStore = new HistoryStore(store.db, (ops) => store.putWithNextCommit(ops));
  // On LevelDB (one process) history a killed server still owed is rebuilt from the log on the
  // next load, so it can be written in larger batches: each batch stores how far the log it covers
  // goes, and every update is logged with its author and time (issue 15; history-recovery.ts).
  // PostgreSQL instances share documents, and one cannot tell another's pending history from lost.
  const leveldb = store.db.backend === 'leveldb';
  const recorder = new HistoryRecorder(historyStore, leveldb ? { flushMs: HISTORY_FLUSH_MS, coveredSeq: (id) => store.durableSeq(id) } : {});
  store.onBeforeFold(() => recorder.handOver());
  const recovery = leveldb
    ? new HistoryRecovery({
        history: historyStore,
        appendedSeq: (id) => store.durableSeq(id),
        nameOf: (sub) => people.nameOf(sub),
        loadLog: (id) => store.loadLog(id),
        logKeys: (id) => store.logKeys(id),
        isOpen: (id) => hocuspocus.documents.has(id),
      })
    : undefined;
  const persistence = new PersistenceExtension(store, writes, recovery && ((name, log) => recovery.afterLoad(name, log)));
  const guard = new SocketGuardExtension(limits, (name, incoming) => persistence.hasRoom(name, incoming, limits.maxDocumentBytes), (name) => writes.isHeld(name));
  const clientIds = new ClientIdExtension(
    new ClientIdRegistry(store.db, (key, value) => store.putSynced(key, value), (key, value) => store.putSyncedWithNextAppend(key, value)),
    { burst: limits.newClientIdBurst, perHour: limits.newClientIdsPerHour },
  );
  const orgs = new OrgService(new OrgStore(store.db));
  const grants = new GrantCheck(orgs);
  const burstWindow = new BurstWindow();
  // The version service needs Hocuspocus, and Hocuspocus needs this extension: bind late.
  const late: { versions?: VersionService; overview?: OverviewFeed } = {};
  const autoSnapshots = new AutoSnapshotExtension(
    // One instance at a time snapshots a document; another one holding the lock takes this one.
    (docId) => store.db.withLock(`snapshot:${docId}`, async () => void (await late.versions?.snapshot(docId, '自动保存', 'auto', SYSTEM_AUTHOR))),
    new OwedVersions(store),
    options.autoSnapshot,
  );
  const hocuspocus: Hocuspocus = new JixiaoHocuspocus({
    name: 'jixiao',
    quiet: true,
    debounce: options.compactDebounceMs ?? 2_000,
    maxDebounce: options.compactMaxDebounceMs ?? 10_000,
    extensions: [
      ...(redis ? [redis, new RemoteAccessExtension((id) => access.refresh(id))] : []),
      new AuthExtension(key, store, (): DocService => docs, orgs),
      // Every incoming sync message: the guard, a first visit's first screen, the client ids, the grants, the synced append, then the broadcast window.
      new UpdateGateExtension([
        (p) => guard.checkUpdate(p),
        // A first visit of a large document: its first screen, ahead of the answer to its SyncStep1.
        (p) => sendFirstScreen(p),
        (p) => clientIds.checkUpdate(p),
        (p) => grants.checkUpdate(p),
        (p) => persistence.storeUpdate(p),
        (p) => burstWindow.noteUpdate(p),
      ], writes),
      guard,
      clientIds,
      persistence,
      new HistoryExtension(recorder),
      autoSnapshots,
      new PeopleExtension(people),
      new OverviewExtension(() => late.overview),
    ],
  });
  const docs: DocService = new DocService(store, hocuspocus, {
    beforeCreate: (id, creator) => orgs.claim(id, creator),
    // Watchers of the overview get the new document's row once it is stored (at the next flush).
    created: (id) => late.overview?.created(id),
  });
  const versions = new VersionService({ store: new VersionStore(store.db), docs, hocuspocus, persistence });
  late.versions = versions;
  // Instances starting together on one empty database: one of them loads the demo documents.
  if (options.demo) await store.db.withLock('demo-docs', () => loadDemoDocs(store, docs, orgs));

  const access = new AccessService(docs, hocuspocus, orgs, writes);
  const writer = new ReviewWriter(hocuspocus, persistence);
  // Every route group of /api, composed here; no route module knows another.
  const api = new Router();
  addSessionRoutes(api, key);
  addTokenRoutes(api, { key, sessionMaxHours: limits.sessionMaxHours });
  // Before /api/docs/:id, so that "import" is never read as a document id.
  const acknowledgements = new AcknowledgementService(access, writer, docs);
  addImportValidationRoutes(api, key, docs, (id, user) => acknowledgements.report(id, user));
  addAcknowledgementRoutes(api, key, acknowledgements);
  addDocRoutes(api, { key, docs, catalogue: new DocCatalogue(docs), access });
  addPeopleRoutes(api, key, access, people);
  const historyWritten = async (id: string) => {
    await recovery?.beforeRead(id);
    await recorder.flush();
  };
  addVersionRoutes(api, { key, docs, versions, access, history: historyStore, historyWritten, onSnapshot: (id) => autoSnapshots.markSnapshotted(id) });
  addExportRoutes(api, { key, docs, versions });
  addReviewRoutes(api, {
    key,
    access,
    comments: new CommentService(access, writer, docs, () => people.all()),
    suggestions: new SuggestionService(access, writer, docs),
    workflow: new WorkflowService({ access, writer, docs, versions, writes, locks: store.db }),
  });
  addOrgRoutes(api, { key, access, orgs, writer });
  const overviewRows = new OverviewRows(docs, store, historyStore, orgs);
  late.overview = new OverviewFeed(hocuspocus, overviewRows, options.overviewIntervalMs);
  addOverviewRoutes(api, { key, rows: overviewRows, feed: late.overview });
  const curated = new CuratedStore(store.db);
  addLibraryRoutes(api, { key, access, curated, library: new LibraryIndex(docs, curated) });
  addNextYearRoutes(api, { key, access, nextYear: new NextYearService({ docs, lineage: new LineageStore(store.db), access }) });
  const checkRoute = createRouteGuard(key, access);
  const clientDir = resolve(options.clientDir ?? 'dist/client');
  let stopping: Promise<void> | undefined;
  // API requests being answered: stopping waits for them (5 s at most) before closing the store.
  let inflight = 0;
  const drained = async () => {
    const deadline = Date.now() + 5_000;
    while (inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };
  const httpServer = createServer(
    guardRequests(async (req, res, pathname) => {
      try {
        if (!pathname.startsWith('/api/') && pathname !== '/api') return await serveStatic(clientDir, req, res, pathname);
        // A request on a kept-alive connection while the store closes would fail with a 500.
        if (stopping) {
          res.setHeader('connection', 'close');
          res.setHeader('retry-after', '1');
          return sendJson(res, 503, { error: { code: 'STORAGE_FAILED', zh: '服务器正在重启，请稍后重试', en: 'The server is restarting; try again shortly' } });
        }
        inflight++;
        res.once('close', () => inflight--);
        const found = api.match(req.method ?? 'GET', pathname);
        if (!found) return sendJson(res, 404, { error: { code: 'NOT_FOUND', zh: '没有这个接口', en: 'No such endpoint' } });
        if ('allowed' in found) {
          res.setHeader('allow', found.allowed.join(', '));
          return sendJson(res, 405, { error: { code: 'INVALID_REQUEST', zh: '不支持该请求方法', en: 'Method not allowed' } });
        }
        refuseDeclaredOversize(req);
        await checkRoute(req, found.route, found.params);
        await found.handler(req, res, found.params);
      } catch (e) {
        // Expected refusals answer with their code; anything else goes to the guard (500 + request id).
        if (!(e instanceof JixiaoError)) throw e;
        // A failing disk must reach the operator; the user gets the bilingual 503.
        if (e.code === 'STORAGE_FAILED') console.error(`jixiao: ${req.method ?? ''} ${pathname}: storage failed: ${String(e.details ?? e.en)}`);
        sendError(res, e);
      }
    }),
  );

  const ws = crossws({
    wss: socketServer({ maxPayload: limits.maxUpdateBytes + 64 * 1024 }),
    // No crossws heartbeat: every 30 s it pinged every socket in one loop, a 100–170 ms stall of
    // every edit with 2,000 sockets open (issue 15). Hocuspocus' own per-connection check (its
    // `timeout`, 60 s, each on its own timer) already closes a socket that has gone silent, and a
    // live provider is never silent that long: it renews its presence every 15 s.
    idleTimeout: 0,
    hooks: {
      open: (peer) => {
        const conn = hocuspocus.handleConnection(hocuspocusSocket(peer.websocket), socketRequest(peer.request as Request));
        peers.set(peer.id, conn);
      },
      message: (peer, message) => {
        const frame = message.uint8Array();
        const connection = peers.get(peer.id);
        if (!connection) return;
        if (isWellFormedFrame(frame)) return connection.handleMessage(frame);
        // Refused before Hocuspocus reads it: no stack trace, nothing applied, the socket closed.
        const { code, reason } = CLOSE_CODES.MALFORMED_UPDATE;
        peers.delete(peer.id);
        connection.handleClose({ code, reason });
        malformedLog.log(`jixiao: refused a malformed frame of ${frame.length} bytes from ${peer.remoteAddress ?? '?'} (${code} ${reason})`);
        peer.close(code, reason);
      },
      close: (peer, event) => {
        peers.get(peer.id)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        peers.delete(peer.id);
      },
    },
  });
  const peers = new Map<string, ReturnType<Hocuspocus['handleConnection']>>();
  const malformedLog = new LogLimiter(20, 10_000);
  httpServer.on(
    'upgrade',
    guardUpgrades(async (req, socket, head, pathname) => {
      const refusal = refuseUpgrade(req, pathname);
      if (refusal) {
        console.warn(`jixiao: refused upgrade: ${refusal}`);
        return refuseSocket(socket, refusal);
      }
      await ws.handleUpgrade(req, socket, head);
    }),
  );

  await new Promise<void>((ok, fail) => {
    httpServer.once('error', fail);
    httpServer.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => ok());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  const stop = () =>
    (stopping ??= (async () => {
      autoSnapshots.stop();
      late.overview?.close();
      await shutdown(httpServer, hocuspocus, persistence, store, recorder, () => ws.closeAll(1012, 'server restarting'), drained, {
        foldMs: options.shutdownFoldMs ?? 4_000,
        pastFoldTime: () => {
          persistence.stopFolding();
          const unversioned = autoSnapshots.skipAtUnload();
          if (unversioned > 0) console.warn(`jixiao: stopping: ${unversioned} changed documents closed without an automatic version (their content is stored; each gets it once it is next opened)`);
        },
      });
      await redis?.onDestroy();
    })());
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, key, store, hocuspocus, routes: api.list(), overview: late.overview, writes, stop };
}

/**
 * The request Hocuspocus keeps for a socket: its path and query instead of the absolute URL, and
 * its headers. Hocuspocus reads a request's query for every message and every change
 * (`getParameters`): with an absolute URL through `new URL()`, three parses per edit, ~5% of the
 * server's CPU per paced edit (issue 15); with a path, by splitting the string. Hocuspocus uses
 * nothing else of it, and jixiao's hooks read only `url` (AuthExtension.onConnect).
 */
function socketRequest(request: Request): Request {
  const { pathname, search } = new URL(request.url);
  const view: Pick<Request, 'url' | 'headers'> = { url: pathname + search, headers: request.headers };
  return view as Request;
}

/** Why an upgrade is refused (an HTTP status line), or null to accept it. */
function refuseUpgrade(req: IncomingMessage, pathname: string): string | null {
  if (!/^\/collab(\/[^/]+)?\/?$/.test(pathname)) return '404 Not Found';
  // Browsers always send Origin; refuse pages of other sites (and opaque origins: sandboxed
  // frames and file:// pages send `null`) opening sockets with our users.
  const origin = req.headers.origin;
  if (origin !== undefined && originHost(origin) !== req.headers.host) return '403 Forbidden';
  return null;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

async function shutdown(
  httpServer: HttpServer,
  hocuspocus: Hocuspocus,
  persistence: PersistenceExtension,
  store: DocStore,
  recorder: HistoryRecorder,
  closeSockets: () => void,
  drained: () => Promise<void>,
  folding: { foldMs: number; pastFoldTime: () => void },
): Promise<void> {
  httpServer.close();
  // Every document closed now leaves a folded log and, if changed, an automatic version behind,
  // for `foldMs`: with thousands open, doing that for all took longer than the 5 s wait below,
  // the store then closed under the work still starting, and each failed with lines in the log.
  // Past it, a document's content (stored already) is left as its log, which its next close folds.
  const foldUntil = Date.now() + folding.foldMs;
  let past = false;
  const pastFoldTime = () => {
    if (past) return;
    past = true;
    folding.pastFoldTime();
  };
  persistence.foldOnEveryStore();
  hocuspocus.closeConnections();
  hocuspocus.flushPendingStores();
  const deadline = Date.now() + 5_000;
  while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
    if (Date.now() >= foldUntil) pastFoldTime();
    await new Promise((r) => setTimeout(r, 20));
  }
  pastFoldTime();
  closeSockets();
  await drained();
  // Documents still closing write nothing more (what started is flushed): the store closes next.
  persistence.stopWriting();
  await persistence.flush();
  await recorder.flush();
  await store.close();
  httpServer.closeAllConnections();
}
