/**
 * Keeps the URL hash and the view in step: a link opens the same view (camera, visible layers,
 * hidden overlays, selected board, tab, compare set and drawer, active scenario, presentation
 * chapter, and each feature's own view parameters such as the housing type and year shown), and
 * as the user moves the hash follows (debounced, `history.replaceState`, so Back is not flooded
 * with entries). A scenario the link names and this browser lacks is said (linked-scenario.svelte.ts).
 */
import { formatViewHash, parseViewHash, type ViewState } from '../state/url-state.ts';
import { LAYER_GROUP_IDS, type Camera } from '../state/map-view.ts';
import { store } from '../state/app-store.svelte.ts';
import { compare } from './compare/compare.svelte.ts';
import { presentation } from './present/presentation.svelte.ts';
import { features, tabbedFeatures } from './feature-registry.ts';
import { openLinkedScenario } from './linked-scenario.svelte.ts';
import { currentScenario } from '../state/active-scenario.svelte.ts';

const DEBOUNCE_MS = 300;
const GROUPS = LAYER_GROUP_IDS;

/** Every feature's view parameters, merged (a key belongs to one feature). */
function featureParams(): Record<string, string> {
  return Object.assign({}, ...features().map((f) => f.viewParams?.read() ?? {}));
}

/** The view now, as the hash records it. */
function currentView(pendingCamera: Camera | null): ViewState {
  const camera = store.camera ?? pendingCamera;
  const scenario = currentScenario();
  const params = featureParams();
  return {
    ...(camera ? { camera } : {}),
    layers: GROUPS.filter((g) => store.visible[g]),
    ...(store.selectedBoardId ? { board: store.selectedBoardId } : {}),
    tab: store.tab,
    compare: compare.ids,
    ...(compare.open ? { drawer: compare.view } : {}),
    ...(store.hiddenOverlays.length ? { hidden: store.hiddenOverlays } : {}),
    ...(Object.keys(params).length ? { params } : {}),
    ...(presentation.active ? { chapter: presentation.index + 1 } : {}),
    ...(scenario ? { scenario: scenario.id, scenarioName: scenario.name } : {}),
  };
}

/** Apply a parsed view; ids that are not in the project are ignored. */
function applyView(v: ViewState): void {
  const boardIds = new Set(store.project.boards.features.map((b) => b.properties.id));
  if (v.layers) for (const g of GROUPS) store.visible[g] = v.layers.includes(g);
  if (v.tab && tabbedFeatures().some((f) => f.id === v.tab)) store.tab = v.tab;
  if (v.board && boardIds.has(v.board)) store.selectBoard(v.board);
  if (v.compare) compare.ids = v.compare.filter((id) => boardIds.has(id));
  if (v.drawer) {
    compare.view = v.drawer;
    compare.open = true;
  } else compare.open = false;
  store.hiddenOverlays = v.hidden ?? [];
  for (const f of features()) f.viewParams?.apply(v.params ?? {});
  if (v.scenario) openLinkedScenario(v.scenario, v.scenarioName ?? null);
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
