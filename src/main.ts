import { mount } from 'svelte';
import App from './App.svelte';
import { FEATURES } from './ui/features.ts';
import { registerFeatures } from './ui/feature-registry.ts';
import StorageStatus from './ui/StorageStatus.svelte';
import { store } from './state/app-store.svelte.ts';
import { startPersistence } from './state/persistence/project-persistence.svelte.ts';
import { probeTeamServer, readRemembered } from './state/team/team-probe.ts';
import { ensurePolygonClip } from './state/polygon-sites.ts';
import { showFatalPage } from './ui/fatal-page.ts';
import { i18n } from './i18n/i18n.svelte.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
registerFeatures(FEATURES);
let app: ReturnType<typeof mount> | undefined;
// Served by a team server (`anju serve`): sign in, projects, history, sync. Anywhere else
// (`npm run dev`, a static host) the single-user app, saved in this browser, as before; the team
// client loads only on a team server (fetched while the server is asked, if it was one before).
const loadTeam = () => import('./ui/team/mount-team-app.ts');
const teamModule = readRemembered() && /^https?:$/.test(location.protocol) ? loadTeam() : null;
const probe = await probeTeamServer();
if (probe) {
  const { mountTeamApp } = await (teamModule ?? loadTeam());
  app = await mountTeamApp(target, App, probe);
} else {
  const initial = store.project;
  // The saved project is loaded before the first render, so the map never shows stale data;
  // startPersistence never throws and gives up on storage after a timeout.
  await startPersistence(store);
  // Polygon sites are summed with polygon clipping, a chunk of its own: there before the first render.
  await ensurePolygonClip(store.project);
  // The storage status first: it shows even if the app cannot start.
  mount(StorageStatus, { target: document.body });
  try {
    app = mount(App, { target });
  } catch (e) {
    // Each view has its own error boundary (ViewBoundary); this is for the shell itself.
    console.error('[anju] the app failed to start', e);
    showFatalPage(target, e, initial, i18n.lang);
  }
}
export default app;
