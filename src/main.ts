import { mount } from 'svelte';
import App from './App.svelte';
import { FEATURES } from './ui/features.ts';
import { registerFeatures } from './ui/feature-registry.ts';
import StorageStatus from './ui/StorageStatus.svelte';
import SyncReport from './ui/sync/SyncReport.svelte';
import TeamApp from './ui/team/TeamApp.svelte';
import SharedView from './ui/team-review/SharedView.svelte';
import { store } from './state/app-store.svelte.ts';
import { startPersistence } from './state/persistence/project-persistence.svelte.ts';
import { team } from './state/team/team-session.svelte.ts';
import { showFatalPage } from './ui/fatal-page.ts';
import { i18n } from './i18n/i18n.svelte.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
registerFeatures(FEATURES);
let app: ReturnType<typeof mount> | undefined;
// Served by a team server (`anju serve`): sign in, projects, history, sync with the server
// (state/team: per-tab drafts in the `anju-team` database). Anywhere else (`npm run dev`, a
// static host) the single-user app, saved in this browser's `anju` database and shared between
// its tabs (state/persistence, state/sync). Exactly one of the two runs in a page; see
// docs/ARCHITECTURE.md, "Saving: one browser's tabs, or the team server".
// A meeting link (`?share=TOKEN`, README "Working as a team"): one scenario, read-only, no account.
const shareToken = new URLSearchParams(location.search).get('share');
if (shareToken) {
  app = mount(SharedView, { target, props: { token: shareToken, App } });
} else if (await team.detect()) {
  app = mount(TeamApp, { target, props: { App } });
} else {
  const initial = store.project;
  // The saved project is loaded before the first render, so the map never shows stale data;
  // startPersistence never throws and gives up on storage after a timeout.
  await startPersistence(store);
  // The storage status first: it shows even if the app cannot start.
  mount(StorageStatus, { target: document.body });
  // What other tabs' saves did here (merges, conflicts): local projects only.
  mount(SyncReport, { target: document.body });
  try {
    app = mount(App, { target });
  } catch (e) {
    // Each view has its own error boundary (ViewBoundary); this is for the shell itself.
    console.error('[anju] the app failed to start', e);
    showFatalPage(target, e, initial, i18n.lang);
  }
}
export default app;
