/**
 * The state of the import dialog: which target, which file, the worker job and its progress,
 * the parse result and the user's corrections (CRS, CSV columns, lenient). Nothing touches the
 * project until `replace()`, which applies ONE undoable change; cancel/close change nothing.
 */
import type { Problem } from '../../domain/problem.ts';
import { isGkCrs, type CrsChoice, type CrsId } from '../../io/crs.ts';
import { parseTowgs84, type Towgs84Parse } from '../../io/towgs84.ts';
import { guessInputKind, type KindGuess } from '../../io/readers/guess-kind.ts';
import type { CsvColumns } from '../../io/csv-columns.ts';
import type { ImportResult, ImportStage, ImportSummary } from '../../io/import-result.ts';
import type { Overlay } from '../../map/overlay.ts';
import { store } from '../../state/app-store.svelte.ts';
import { assessImport, type Assessment } from './assess-import.ts';
import { checkFileSize } from './file-limit.ts';
import { ImportClient, type DialogColumns, type ImportJob } from './import-client.ts';
import { assessColumns, type ColumnsAssessment } from './assess-columns.ts';
import { columnsSample } from './columns-preview.ts';
import { previewOverlay } from './import-overlays.ts';
import { importTarget, importTargets } from './targets.ts';
import type { Checked } from '../../domain/problem.ts';
import type { PlanPackage } from '../../domain/plan-package.ts';
import { checkPlanFile, PLAN_TARGET_ID } from './plan-target.ts';
import { switchPlan } from '../plan/switch-plan.ts';
import { yieldToPage } from '../../state/persistence/time-slicer.ts';

export type ImportPhase = 'choose' | 'working' | 'preview' | 'refused' | 'cancelled' | 'applied';

export class ImportSession {
  open = $state(false);
  targetId = $state('boards');
  file = $state.raw<File | null>(null);
  phase = $state<ImportPhase>('choose');
  stage = $state<ImportStage>('reading');
  progress = $state(0);
  result = $state.raw<ImportResult | null>(null);
  /** A population or facilities layer read as columns (no Feature per point); then `result` stays null. */
  columnar = $state.raw<DialogColumns | null>(null);
  /** Which way the last file was read: 'columns' (the worker's columnar path) or 'features' (importLayer). */
  path = $state<'columns' | 'features' | null>(null);
  /** 替换 of a columnar layer is building its points (in slices); the buttons wait. */
  applying = $state(false);
  #applyAbort: AbortController | null = null;
  /** Why a file was refused before reading (over the size limit). */
  refusal = $state.raw<Problem | null>(null);
  /** The user's CRS; null = as detected. */
  crsChoice = $state.raw<CrsChoice | null>(null);
  /** The user's Xian 1980 / Beijing 1954 → WGS-84 transformation (3 or 7 numbers); null = none given. */
  towgs84 = $state.raw<number[] | null>(null);
  /** Why the last transformation text was refused (the field keeps the text). */
  towgs84Error = $state.raw<Extract<Towgs84Parse, { ok: false }> | null>(null);
  /** The candidates of the first, ambiguous detection: the question stays on screen after answering. */
  crsAsked = $state.raw<CrsId[] | null>(null);
  columns = $state.raw<CsvColumns | null>(null);
  /** The user agreed to skip features with errors. */
  lenient = $state(false);
  applied = $state.raw<{ file: string; count: number; targetId: string; warnings: Problem[] } | null>(null);
  /** What a dropped file was taken for, and why (the target was set from it); null = the user's choice. */
  guess = $state.raw<KindGuess | null>(null);
  /** Guess the target from the next result (a dropped file). */
  #guessNext = false;

  /** A plan package (规划包) read and checked on this thread: it is JSON, not a layer. */
  planCheck = $state.raw<Checked<PlanPackage> | null>(null);

  #client = new ImportClient();
  #job: ImportJob<unknown> | null = null;

  target = $derived(this.targetId === PLAN_TARGET_ID ? null : importTarget(this.targetId));
  assessment: Assessment | ColumnsAssessment | null = $derived(
    this.phase !== 'preview' || !this.target
      ? null
      : this.columnar
        ? assessColumns(this.columnar, store.project)
        : this.result
          ? assessImport(this.result, this.target, { file: this.result.summary.file, state: store.project, importedAt: new Date().toISOString().slice(0, 10) }, this.lenient)
          : null,
  );
  #preview = $derived(this.phase !== 'preview' ? null : this.columnar ? previewOverlay(columnsSample(this.columnar.value)) : this.result?.ok ? previewOverlay(this.result.value) : null);

  /** What was read of the file shown (either path). */
  get summary(): ImportSummary | null {
    return this.result?.summary ?? this.columnar?.summary ?? null;
  }

  /** Overlays to draw while the dialog shows a preview. */
  overlays(): Overlay[] {
    return this.open && this.#preview ? [this.#preview] : [];
  }

  /** Open the dialog (optionally with a target preselected), ready for a file. */
  openDialog(targetId?: string): void {
    if (targetId && (targetId === PLAN_TARGET_ID || importTargets().some((t) => t.id === targetId))) this.targetId = targetId;
    if (this.phase !== 'working' && this.phase !== 'preview') this.#reset();
    this.open = true;
  }

  close(): void {
    this.#job?.cancel();
    this.#job = null;
    this.open = false;
    this.#reset();
  }

  /** Take a new file: refuse it if too large, else read it in the worker. `guess`: set the target from its content (a dropped file). */
  chooseFile(file: File, options: { guess?: boolean } = {}): void {
    this.#job?.cancel();
    this.#reset();
    this.open = true;
    this.file = file;
    this.#guessNext = options.guess === true;
    this.refusal = checkFileSize(file);
    if (this.refusal) this.phase = 'refused';
    else void this.#run();
  }

  chooseTarget(id: string): void {
    this.targetId = id;
    this.guess = null;
    // Each target checks against its own layer spec: parse again.
    if (this.file && this.phase !== 'refused') void this.#run();
  }

  /** A Gauss–Krüger choice keeps the central meridian and zone read so far (from the eastings, else Wenzhou's). */
  chooseCrs(id: CrsId): void {
    const gk = isGkCrs(id) ? this.summary?.crs?.crs.gk : undefined;
    this.crsChoice = gk ? { id, gk } : { id };
    void this.#run();
  }

  /** The transformation text from the dialog: read again with it, or say why it is refused. */
  setTowgs84(text: string): void {
    const r = parseTowgs84(text);
    if (!r.ok) {
      this.towgs84Error = r;
      return;
    }
    this.towgs84Error = null;
    this.towgs84 = r.value;
    void this.#run();
  }

  chooseColumns(columns: CsvColumns): void {
    this.columns = columns;
    this.crsAsked = null;
    this.crsChoice = null;
    void this.#run();
  }

  cancel(): void {
    this.#job?.cancel();
    this.#job = null;
    this.#applyAbort?.abort();
    this.result = null;
    this.columnar = null;
    this.phase = 'cancelled';
  }

  /** Apply the import as one undoable change. */
  replace(): void {
    if (this.targetId === PLAN_TARGET_ID) {
      const c = this.planCheck;
      if (!c?.ok || !this.file) return;
      switchPlan(c.value);
      this.applied = { file: this.file.name, count: c.value.boards.list.length, targetId: PLAN_TARGET_ID, warnings: c.warnings };
      this.planCheck = null;
      this.phase = 'applied';
      return;
    }
    const a = this.assessment;
    const summary = this.summary;
    if (!a?.outcome || !summary || this.applying) return;
    if ('build' in a.outcome) return void this.#replaceColumns(a.outcome, summary.file, a.problems);
    store.apply(a.outcome.change);
    this.applied = { file: summary.file, count: a.outcome.count, targetId: this.targetId, warnings: a.problems };
    this.result = null;
    this.phase = 'applied';
  }

  /**
   * Build the points in slices that yield to the page, then apply them as one change (unless cancelled meanwhile).
   * The click itself only marks the dialog busy: the first slice starts in a task of its own (at 300,000
   * facilities the first slice in the click's task, with the collection of the new objects, made the click
   * take 115–137 ms under load).
   */
  async #replaceColumns(outcome: NonNullable<ColumnsAssessment['outcome']>, file: string, warnings: Problem[]): Promise<void> {
    const abort = new AbortController();
    this.#applyAbort = abort;
    this.applying = true;
    try {
      await yieldToPage();
      if (abort.signal.aborted) return;
      const change = await outcome.build(abort.signal);
      if (!change || abort.signal.aborted) return;
      store.apply(change);
      this.applied = { file, count: outcome.count, targetId: this.targetId, warnings };
      this.columnar = null;
      this.phase = 'applied';
    } finally {
      if (this.#applyAbort === abort) {
        this.#applyAbort = null;
        this.applying = false;
      }
    }
  }

  /** Bounds of the preview in degrees, for zooming the map to it. */
  previewBbox(): [number, number, number, number] | null {
    return this.result?.ok ? this.result.summary.bboxDeg : (this.columnar?.summary.bboxDeg ?? null);
  }

  async #run(): Promise<void> {
    const file = this.file;
    if (!file) return;
    if (this.targetId === PLAN_TARGET_ID) return this.#runPlan(file);
    this.#job?.cancel();
    this.#applyAbort?.abort();
    this.phase = 'working';
    this.progress = 0;
    this.stage = 'reading';
    this.columnar = null;
    this.result = null;
    const options = { lenient: true, ...(this.crsChoice ? { crs: this.crsChoice } : {}), ...(this.towgs84 ? { towgs84: this.towgs84 } : {}), ...(this.columns ? { columns: this.columns } : {}) };
    // A population or facilities layer of points is read as columns first (a dropped file too,
    // when the worker takes it for one of those); anything else (another format, a problem to
    // name) the worker hands back, and importLayer reads it as before.
    const kind = this.#guessNext ? 'dropped' : this.target?.kind === 'population' || this.target?.kind === 'facilities' ? this.target.kind : null;
    if (kind) {
      const cjob = this.#client.runColumns(kind, file, file.name, options, this.#progressOf(() => cjob));
      this.#job = cjob;
      const c = await cjob.done;
      if (this.#job !== cjob || c === null) return;
      if (c !== 'ordinary') {
        this.#job = null;
        if (c.guess) this.#setGuess(c.guess);
        this.#guessNext = false;
        this.columnar = c.read;
        this.path = 'columns';
        this.#toPreview(c.read.summary.crs);
        return;
      }
      this.progress = 0;
      this.stage = 'reading';
    }
    // Always lenient in the worker: the preview lists every bad feature; the user's tick decides (assess-import.ts).
    const job = this.#client.run(file, file.name, { ...options, ...(this.target?.allowTable ? { allowTable: true } : {}) }, this.#progressOf(() => job));
    this.#job = job;
    const result = await job.done;
    if (this.#job !== job || result === null) return;
    this.#job = null;
    this.result = result;
    this.path = 'features';
    if (this.#guessNext && result.ok) this.#takeGuess(result.value.features);
    this.#guessNext = false;
    this.#toPreview(result.summary.crs);
  }

  /** A job's progress callback: shown while that job is the current one. */
  #progressOf(job: () => unknown): (fraction: number, stage: ImportStage) => void {
    return (fraction, stage) => {
      if (this.#job !== job()) return;
      this.progress = fraction;
      this.stage = stage;
    };
  }

  /** Show the preview, asking for the coordinate system first when the reading found it ambiguous. */
  #toPreview(crs: ImportSummary['crs']): void {
    if (crs?.ambiguous && !this.crsAsked) this.crsAsked = crs.candidates;
    this.phase = 'preview';
  }

  async #runPlan(file: File): Promise<void> {
    this.#job?.cancel();
    this.#job = null;
    this.result = null;
    this.phase = 'working';
    const checked = await checkPlanFile(file);
    if (this.file !== file || this.targetId !== PLAN_TARGET_ID) return;
    this.planCheck = checked;
    this.phase = checked.ok ? 'preview' : 'refused';
  }

  /** Point the target at what the layer looks like (a point CSV is not checked as board boundaries). */
  #takeGuess(features: Parameters<typeof guessInputKind>[0]): void {
    const g = guessInputKind(features);
    if (g) this.#setGuess(g);
  }

  #setGuess(g: KindGuess): void {
    const target = importTargets().find((t) => t.kind === g.kind);
    if (!target) return;
    this.targetId = target.id;
    this.guess = g;
  }

  #reset(): void {
    this.#applyAbort?.abort();
    this.file = null;
    this.columnar = null;
    this.path = null;
    this.planCheck = null;
    this.result = null;
    this.refusal = null;
    this.crsChoice = null;
    this.crsAsked = null;
    this.towgs84 = null;
    this.towgs84Error = null;
    this.guess = null;
    this.#guessNext = false;
    this.columns = null;
    this.lenient = false;
    this.applied = null;
    this.progress = 0;
    this.phase = 'choose';
  }
}

export const importSession = new ImportSession();
