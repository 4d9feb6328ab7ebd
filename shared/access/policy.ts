/*
 * The one table of who may do what: every HTTP route and every collaboration channel names an
 * action, and every action names the roles that may take it. The server checks each request
 * against it before the handler runs (server/http/route-policy.ts) and the client offers only
 * what it allows; test/server/policy-matrix.test.ts walks every role × route × organisation case
 * and fails for a registered route that has no row here.
 */
import type { Role } from '../review/workflow.ts';

/** Roles a token can carry: the document roles plus `admin` (server administration, no content). */
export const TOKEN_ROLES = ['owner', 'editor', 'reviewer', 'viewer', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Everything a person can ask the server to do. */
export const ACTION_ROLES = {
  /** Read a document, its versions, diff, history, validation, comments, suggestions, members; export it. */
  'doc.read': ['owner', 'editor', 'reviewer', 'viewer'],
  /** Create or import a document (checked on the token's own role). */
  'doc.create': ['owner', 'editor'],
  /** Copy a document into a new draft of one's own, or make next year's draft of it (also needs `doc.create` on the token's role). */
  'doc.copy': ['owner', 'editor'],
  /** Mark a warning 已确认, or take the mark back. */
  'findings.acknowledge': ['owner', 'editor'],
  /** Save a named version, restore one. */
  'versions.write': ['owner', 'editor'],
  /** Write comments and replies, resolve threads. */
  'comments.write': ['owner', 'editor', 'reviewer'],
  /** Propose changes. */
  'suggestions.write': ['owner', 'editor', 'reviewer'],
  /** Accept or reject proposed changes. */
  'suggestions.decide': ['owner', 'editor'],
  /** Ask for a status change; which one a role may make is `shared/review/workflow.ts`' transition table. */
  'status.change': ['owner', 'editor', 'reviewer'],
  /** Give people roles on a document. */
  'members.manage': ['owner'],
  /** Read and set per-project edit rights. */
  'grants.manage': ['owner'],
  /** Read the audit log of membership, grants and assignments. */
  'audit.read': ['owner', 'reviewer'],
  /** Move a document to another organisation (server administration). */
  'doc.transfer': ['admin'],
  /** Read and narrow a finance reviewer's departments (server admin, or the finance bureau's owner). */
  'assignments.manage': ['admin', 'owner'],
  /**
   * List the documents in one's reach with status, counts and last change (`/api/overview`); the
   * rows are narrowed by reach and role exactly like `GET /api/docs` (an admin sees none it was
   * not given), so every role may ask.
   */
  'overview.read': ['owner', 'editor', 'reviewer', 'viewer', 'admin'],
  /** Open the content document over WebSocket (read-only unless the role and status allow editing). */
  'collab.content': ['owner', 'editor', 'reviewer', 'viewer'],
  /** Open the review document over WebSocket (always read-only; the server writes it). */
  'collab.review': ['owner', 'editor', 'reviewer', 'viewer'],
  /** Replace the curated 共性指标 of the indicator library (server administration). */
  'library.import': ['admin'],
} as const satisfies Record<string, readonly TokenRole[]>;
export type Action = keyof typeof ACTION_ROLES;

/**
 * How a route is checked: `public` needs nothing; `signed-in` a valid token (the action, if any,
 * on the token's role); `document` a document in the caller's reach (404 otherwise) and the
 * action on the caller's role on it; `server` the action on the token's role.
 */
export type RouteRule = { scope: 'public' } | { scope: 'signed-in'; action?: Action } | { scope: 'document'; action: Action } | { scope: 'server'; action: Action };

const doc = (action: Action): RouteRule => ({ scope: 'document', action });

/** Every route of /api, keyed `METHOD pattern` exactly as registered on the router. */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  'GET /api/health': { scope: 'public' },
  'GET /api/demo/users': { scope: 'public' },
  'POST /api/demo/token': { scope: 'public' },
  'GET /api/me': { scope: 'signed-in' },
  'POST /api/token/refresh': { scope: 'signed-in' },
  'GET /api/docs': { scope: 'signed-in' },
  'POST /api/docs': { scope: 'signed-in', action: 'doc.create' },
  'POST /api/docs/import': { scope: 'signed-in', action: 'doc.create' },
  'GET /api/docs/:id': doc('doc.read'),
  'GET /api/docs/:id/export': doc('doc.read'),
  'GET /api/docs/:id/validation': doc('doc.read'),
  'GET /api/docs/:id/access': doc('doc.read'),
  'GET /api/docs/:id/people': doc('doc.read'),
  'POST /api/docs/:id/copy': doc('doc.copy'),
  'POST /api/docs/:id/next-year': doc('doc.copy'),
  'GET /api/docs/:id/previous': doc('doc.read'),
  'POST /api/docs/:id/acknowledgements': doc('findings.acknowledge'),
  'DELETE /api/docs/:id/acknowledgements': doc('findings.acknowledge'),
  'GET /api/docs/:id/members': doc('doc.read'),
  'PUT /api/docs/:id/members/:sub': doc('members.manage'),
  'DELETE /api/docs/:id/members/:sub': doc('members.manage'),
  'GET /api/docs/:id/grants': doc('grants.manage'),
  'PUT /api/docs/:id/grants/:sub': doc('grants.manage'),
  'DELETE /api/docs/:id/grants/:sub': doc('grants.manage'),
  'GET /api/docs/:id/audit': doc('audit.read'),
  'PUT /api/docs/:id/organisation': { scope: 'server', action: 'doc.transfer' },
  'GET /api/assignments': { scope: 'server', action: 'assignments.manage' },
  'PUT /api/assignments/:sub': { scope: 'server', action: 'assignments.manage' },
  'GET /api/docs/:id/comments': doc('doc.read'),
  'POST /api/docs/:id/comments': doc('comments.write'),
  'POST /api/docs/:id/comments/:tid/replies': doc('comments.write'),
  'PATCH /api/docs/:id/comments/:tid': doc('comments.write'),
  'PATCH /api/docs/:id/comments/:tid/comments/:cid': doc('comments.write'),
  'DELETE /api/docs/:id/comments/:tid/comments/:cid': doc('comments.write'),
  'GET /api/docs/:id/suggestions': doc('doc.read'),
  'POST /api/docs/:id/suggestions': doc('suggestions.write'),
  'POST /api/docs/:id/suggestions/accept-all': doc('suggestions.decide'),
  'POST /api/docs/:id/suggestions/:sid/accept': doc('suggestions.decide'),
  'POST /api/docs/:id/suggestions/:sid/reject': doc('suggestions.decide'),
  'POST /api/docs/:id/status': doc('status.change'),
  'GET /api/docs/:id/versions': doc('doc.read'),
  'POST /api/docs/:id/versions': doc('versions.write'),
  'GET /api/docs/:id/versions/:vid': doc('doc.read'),
  'GET /api/docs/:id/versions/:vid/comments': doc('doc.read'),
  'GET /api/docs/:id/versions/:vid/export': doc('doc.read'),
  'GET /api/docs/:id/diff': doc('doc.read'),
  'POST /api/docs/:id/versions/:vid/restore': doc('versions.write'),
  'GET /api/docs/:id/history': doc('doc.read'),
  'GET /api/overview': { scope: 'signed-in', action: 'overview.read' },
  'GET /api/overview/events': { scope: 'signed-in', action: 'overview.read' },
  // The library lists rows only of documents within the caller's reach (checked in the handler, per document).
  'GET /api/library': { scope: 'signed-in' },
  'POST /api/library/import': { scope: 'server', action: 'library.import' },
};

/** Whether `role` may take `action` (false for a role or action this table does not know). */
export function may(role: string | null | undefined, action: Action): boolean {
  return role != null && (ACTION_ROLES[action] as readonly string[]).includes(role);
}

/** The document roles that may take `action` (for checks that take a role list). */
export function rolesFor(action: Action): readonly Role[] {
  return (ACTION_ROLES[action] as readonly TokenRole[]).filter((r): r is Role => r !== 'admin');
}
