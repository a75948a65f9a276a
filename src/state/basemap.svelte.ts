/**
 * The basemap the user chose (basemap-spec.ts), remembered across reloads (basemap-store.ts),
 * and what the map reports about it. The map gets `spec`; the picker edits the rest.
 */
import { untrack } from 'svelte';
import type { BasemapKind, BasemapSpec, BasemapStatus, CustomRefusal, CustomService, TeamBasemap } from './basemap-spec.ts';
import { checkCustomService } from './basemap-spec.ts';
import { cspAllowsOrigin, pagePolicy } from './csp-origins.ts';
import { forgetBasemapFile, loadBasemap, saveBasemapFile, saveBasemapSettings } from './persistence/basemap-store.ts';

class BasemapState {
  kind = $state<BasemapKind>('offline');
  tiandituKey = $state('');
  custom = $state<CustomService>({ template: '', scheme: 'xyz', crs: 'wgs84', key: '' });
  file = $state.raw<{ blob: Blob; name: string; sizeBytes: number; kept: boolean } | null>(null);
  /** What the map shows now. */
  spec = $state.raw<BasemapSpec>({ kind: 'offline' });
  #status = $state.raw<BasemapStatus>({ state: 'idle', key: 'basemap.status.offline' });
  /** A file just picked, kept in the browser only once the map has opened it (a refused file never replaces a good one). */
  #pending: { blob: File; previous: BasemapState['file'] } | null = null;
  refusal = $state.raw<CustomRefusal | null>(null);
  /** The team server's basemap, when this page is served by one that has it (team/team-basemap.svelte.ts). */
  team = $state.raw<TeamBasemap | null>(null);
  #chosenBefore = false;

  /** Restores the last choice (and file) saved in this browser. */
  async restore(): Promise<void> {
    const { settings, file } = await loadBasemap();
    if (file) this.file = { blob: file.blob, name: file.name, sizeBytes: file.sizeBytes, kept: true };
    if (!settings) return;
    this.#chosenBefore = true;
    this.tiandituKey = settings.tiandituKey;
    this.custom = settings.custom;
    this.choose(settings.kind, false);
  }

  /** Shows a basemap kind with the settings at hand (custom services are checked first). */
  choose(kind: BasemapKind, save = true): void {
    this.kind = kind;
    this.refusal = null;
    if (kind === 'offline' || kind === 'osm') this.spec = { kind };
    else if (kind === 'tianditu') this.spec = this.tiandituKey.trim() ? { kind, key: this.tiandituKey.trim() } : { kind: 'offline' };
    else if (kind === 'pmtiles') this.spec = this.file ? { kind, input: { kind: 'file', file: this.file.blob, name: this.file.name } } : { kind: 'offline' };
    else if (kind === 'team') this.spec = this.team ? { kind, basemap: this.team } : { kind: 'offline' };
    else {
      const self = typeof location === 'undefined' ? '' : location.origin;
      this.refusal = checkCustomService(this.custom, (o) => cspAllowsOrigin(pagePolicy(), o, self));
      this.spec = this.refusal ? { kind: 'offline' } : { kind, service: { ...this.custom } };
    }
    if (save) void saveBasemapSettings({ kind, tiandituKey: this.tiandituKey, custom: this.custom });
  }

  /** What the map reports about the basemap it shows (set by the map's owner). */
  get status(): BasemapStatus {
    return this.#status;
  }
  set status(s: BasemapStatus) {
    this.#status = s;
    // The map reports from inside its own effect: reading `file` there must not make that effect depend on it.
    untrack(() => {
      const p = this.#pending;
      if (!p || this.file?.blob !== p.blob || (s.state !== 'ok' && s.state !== 'failed')) return;
      this.#pending = null;
      if (s.state === 'ok') void this.#keep(p.blob);
      else this.file = p.previous; // the refusal stays on screen; the file kept before stays kept
    });
  }

  /** A basemap file the user picked: shown at once, kept in the browser (when the quota allows) once it opens. */
  openFile(f: File): void {
    this.#pending = { blob: f, previous: this.file?.kept ? this.file : null };
    this.file = { blob: f, name: f.name, sizeBytes: f.size, kept: false };
    this.choose('pmtiles');
  }

  async #keep(f: File): Promise<void> {
    const kept = await saveBasemapFile({ name: f.name, sizeBytes: f.size, blob: f });
    if (this.file?.blob === f) this.file = { ...this.file, kept };
  }

  /**
   * The team server has a basemap for everyone: offered in the picker, and shown when this
   * browser chose it before or never chose any basemap (the bureau set it up for that).
   */
  offerTeam(t: TeamBasemap | null): void {
    this.team = t;
    if (t && (this.kind === 'team' || !this.#chosenBefore)) this.choose('team', false);
    else if (!t && this.kind === 'team') this.choose('offline', false);
  }

  async forgetFile(): Promise<void> {
    this.file = null;
    await forgetBasemapFile();
    if (this.kind === 'pmtiles') this.choose('offline');
  }
}

export const basemapState = new BasemapState();
