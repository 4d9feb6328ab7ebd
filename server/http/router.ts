import type { IncomingMessage, ServerResponse } from 'node:http';

/** Path parameters captured by `:name` segments. */
export type Params = Record<string, string>;
/** A route handler; a thrown JixiaoError becomes the matching HTTP error. */
export type Handler = (req: IncomingMessage, res: ServerResponse, params: Params) => Promise<void>;

interface Route {
  method: string;
  pattern: string;
  parts: string[];
  handler: Handler;
}

/** A tiny method + path router: `/api/docs/:id` style patterns, no regexes in patterns. */
export class Router {
  private readonly routes: Route[] = [];

  /** Registers `handler` for `method` and `pattern`. */
  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Every registered route as `METHOD pattern` (the keys of `shared/access/policy.ts`' ROUTE_RULES). */
  list(): string[] {
    return this.routes.map((r) => `${r.method} ${r.pattern}`);
  }

  /**
   * Finds the route for a request. Returns `{ handler, params, route }` (route: `METHOD pattern`), or `{ allowed }` listing the
   * methods of a path that exists under other methods (→ 405), or null (→ 404).
   */
  match(method: string, pathname: string): { handler: Handler; params: Params; route: string } | { allowed: string[] } | null {
    const segs = pathname.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchParts(route.parts, segs);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params, route: `${route.method} ${route.pattern}` };
      allowed.push(route.method);
    }
    return allowed.length ? { allowed } : null;
  }
}

function matchParts(parts: string[], segs: string[]): Params | null {
  if (parts.length !== segs.length) return null;
  const params: Params = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const seg = segs[i] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(seg);
      } catch {
        return null;
      }
    } else if (part !== seg) return null;
  }
  return params;
}
