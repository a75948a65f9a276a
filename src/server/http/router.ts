/**
 * A small router for the API: routes as data (method, path pattern, who may call it), so
 * the tests can enumerate every route × every role. `:name` segments become `ctx.params`.
 */
import type { Ctx } from './request-context.ts';
import type { Permission } from '../../state/review/review-types.ts';

/**
 * Who may call a route: anyone (`public`); any signed-in user (`signed-in`); a user whose
 * account may create projects (`create`: admin, planner); an admin (`admin`); or a user with
 * a permission in the project named by the route's `:id` (`{ project: 'view' | … }`, from
 * their role in that project; admins act as owners). A user who is not a member of the
 * project gets 404, as for a project that does not exist: ids never confirm what exists.
 */
export type Access = 'public' | 'signed-in' | 'create' | 'admin' | { project: Permission };

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  handler(ctx: Ctx): Promise<void>;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      let v: string;
      try {
        v = decodeURIComponent(s[i]);
      } catch {
        return null;
      }
      if (!v) return null;
      params[p[i].slice(1)] = v;
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** The route for this method and path; `allowed` lists the methods the path has when none matches. */
export function findRoute(routes: readonly Route[], method: string, path: string): { match: Match | null; allowed: string[] } {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { match: { route, params }, allowed };
    allowed.push(route.method);
  }
  return { match: null, allowed };
}
