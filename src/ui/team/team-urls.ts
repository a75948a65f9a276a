/**
 * Addresses inside a team server's app: the project list is the app's page, a project is
 * `?project=ID` (the view hash `#map=…` follows as usual). A query rather than a path, so the
 * built app's relative asset URLs keep working.
 */
export const PROJECT_PARAM = 'project';

export function projectUrl(id: string): string {
  return `${location.pathname}?${PROJECT_PARAM}=${encodeURIComponent(id)}`;
}

export function listUrl(): string {
  return location.pathname;
}

/** The project id in this page's address, or null. */
export function projectInUrl(): string | null {
  const id = new URLSearchParams(location.search).get(PROJECT_PARAM);
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
