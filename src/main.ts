// First: the team server is asked while everything else loads and evaluates.
import { shareToken, teamProbe } from './team-probe-start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import { FEATURES } from './ui/features.ts';
import { registerFeatures } from './ui/feature-registry.ts';
import StorageStatus from './ui/StorageStatus.svelte';
import SyncReport from './ui/sync/SyncReport.svelte';
import { store } from './state/app-store.svelte.ts';
import { startPersistence } from './state/persistence/project-persistence.svelte.ts';
import { readRemembered } from './state/team/team-probe.ts';
import { ensurePolygonClip } from './state/polygon-sites.ts';
import { showFatalPage } from './ui/fatal-page.ts';
import { i18n } from './i18n/i18n.svelte.ts';
import { warmNumberFormats } from './i18n/format.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
/** index.html's title bar, painted before the scripts ran, gives way to the app right after its mount (no frame between). */
const clearBoot = () => target.querySelector(':scope > [data-boot]')?.remove();
registerFeatures(FEATURES);
let app: ReturnType<typeof mount> | undefined;
// Served by a team server (`anju serve`): sign in, projects, history, sync with the server
// (state/team: per-tab drafts in the `anju-team` database). Anywhere else (`npm run dev`, a
// static host) the single-user app, saved in this browser's `anju` database and shared between
// its tabs (state/persistence, state/sync). Exactly one of the two runs in a page; see
// docs/ARCHITECTURE.md, "Saving: one browser's tabs, or the team server". The team client loads
// only on a team server (fetched while the server is asked, if it was one before).
// A meeting link (`?share=TOKEN`, README "Working as a team"): one scenario, read-only, no
// account; its page loads on such a link only.
const loadTeam = () => import('./ui/team/mount-team-app.ts');
const teamModule = !shareToken && readRemembered() && /^https?:$/.test(location.protocol) ? loadTeam() : null;
// Start-up milestones for bench/first-load/profile.ts (User Timing marks, no cost worth naming).
performance.mark('anju:main');
const probe = await teamProbe;
performance.mark('anju:probed');
if (shareToken) {
  const { mountSharedView } = await import('./ui/team-review/mount-shared-view.ts');
  app = mountSharedView(target, App, shareToken);
  clearBoot();
} else if (probe) {
  const { mountTeamApp } = await (teamModule ?? loadTeam());
  app = await mountTeamApp(target, App, probe);
  clearBoot();
} else {
  const initial = store.project;
  // The saved project is loaded before the first render, so the map never shows stale data;
  // startPersistence never throws and gives up on storage after a timeout.
  await startPersistence(store);
  // Polygon sites are summed with polygon clipping, a chunk of its own: there before the first render.
  await ensurePolygonClip(store.project);
  performance.mark('anju:restored');
  // The storage status first: it shows even if the app cannot start.
  mount(StorageStatus, { target: document.body });
  // What other tabs' saves did here (merges, conflicts): local projects only.
  mount(SyncReport, { target: document.body });
  try {
    app = mount(App, { target });
    clearBoot();
    performance.mark('anju:mounted');
  } catch (e) {
    // Each view has its own error boundary (ViewBoundary); this is for the shell itself.
    console.error('[anju] the app failed to start', e);
    clearBoot();
    showFatalPage(target, e, initial, i18n.lang);
  }
}
// Number formats made while nobody waits (the first one initialises ICU: i18n/format.ts).
if ('requestIdleCallback' in window) requestIdleCallback(warmNumberFormats, { timeout: 10_000 });
export default app;
