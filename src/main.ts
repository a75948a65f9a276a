import { mount } from 'svelte';
import App from './App.svelte';
import { FEATURES } from './ui/features.ts';
import { registerFeatures } from './ui/feature-registry.ts';
import StorageStatus from './ui/StorageStatus.svelte';
import { store } from './state/app-store.svelte.ts';
import { startPersistence } from './state/persistence/project-persistence.svelte.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The saved project is loaded before the first render, so the map never shows stale data;
// startPersistence never throws and gives up on storage after a timeout.
registerFeatures(FEATURES);
await startPersistence(store);
export default mount(App, { target });
mount(StorageStatus, { target: document.body });
