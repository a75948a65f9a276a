/**
 * Keeps the URL hash and the view in step: a link opens the same view (camera, visible layers,
 * selected board, tab, compare set, active scenario, presentation chapter), and as the user moves the hash
 * follows (debounced, `history.replaceState`, so Back is not flooded with entries).
 */
import { formatViewHash, parseViewHash, type ViewState } from '../state/url-state.ts';
import { LAYER_GROUP_IDS, type Camera } from '../state/map-view.ts';
import { store } from '../state/app-store.svelte.ts';
import { compare } from './compare/compare.svelte.ts';
import { presentation } from './present/presentation.svelte.ts';
import { tabbedFeatures } from './feature-registry.ts';
import { currentScenario } from '../state/active-scenario.svelte.ts';

const DEBOUNCE_MS = 300;
const GROUPS = LAYER_GROUP_IDS;

/** The view now, as the hash records it. */
function currentView(pendingCamera: Camera | null): ViewState {
  const camera = store.camera ?? pendingCamera;
  return {
    ...(camera ? { camera } : {}),
    layers: GROUPS.filter((g) => store.visible[g]),
    ...(store.selectedBoardId ? { board: store.selectedBoardId } : {}),
    tab: store.tab,
    compare: compare.ids,
    ...(presentation.active ? { chapter: presentation.index + 1 } : {}),
    ...(currentScenario() ? { scenario: currentScenario()?.id } : {}),
  };
}

/** Apply a parsed view; ids that are not in the project are ignored. */
function applyView(v: ViewState): void {
  const boardIds = new Set(store.project.boards.features.map((b) => b.properties.id));
  if (v.layers) for (const g of GROUPS) store.visible[g] = v.layers.includes(g);
  if (v.tab && tabbedFeatures().some((f) => f.id === v.tab)) store.tab = v.tab;
  if (v.board && boardIds.has(v.board)) store.selectBoard(v.board);
  if (v.compare) compare.ids = v.compare.filter((id) => boardIds.has(id));
  if (v.scenario && store.project.scenarios.some((s) => s.id === v.scenario)) store.activeScenarioId = v.scenario;
  if (v.camera) store.jumpTo(v.camera);
  if (v.chapter !== undefined) presentation.open(v.chapter);
  else if (presentation.active) presentation.close();
}

/** Read the hash now and keep it in sync; returns a function that stops syncing. */
export function startUrlSync(): () => void {
  const initial = parseViewHash(location.hash);
  // Until the map reports its first view, a link's camera stands for it (so it is not dropped).
  const pendingCamera = initial.camera ?? null;
  applyView(initial);
  let written = location.hash.replace(/^#/, '');

  const onHashChange = () => {
    const hash = location.hash.replace(/^#/, '');
    if (hash !== written) applyView(parseViewHash(hash));
  };
  window.addEventListener('hashchange', onHashChange);

  const stop = $effect.root(() => {
    $effect(() => {
      const hash = formatViewHash(currentView(pendingCamera));
      const timer = setTimeout(() => {
        if (location.hash.replace(/^#/, '') === hash) return;
        written = hash;
        history.replaceState(history.state, '', `#${hash}`);
      }, DEBOUNCE_MS);
      return () => clearTimeout(timer);
    });
  });
  return () => {
    stop();
    window.removeEventListener('hashchange', onHashChange);
  };
}
