/**
 * Export actions (CSV, XLSX, GeoJSON and FlatGeobuf of boards, sites and every layer, PNG, printable
 * report) and their status line.
 * Each reads the live state at the moment it runs.
 */
import { tableToXlsx } from '../../export/xlsx.ts';
import { boardsToGeoJson, sitesToGeoJson } from '../../export/geojson-export.ts';
import { dateStamp, downloadBlob, downloadText } from '../../export/download.ts';
import { paperPixels, type Paper } from '../../export/paper.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { store } from '../../state/app-store.svelte.ts';
import { allFigures, prepareAllFigures } from '../feature-registry.ts';
import { notesRows } from '../../export/export-notes.ts';
import { currentNotes } from './current-notes.ts';
import { currentScenario } from '../../state/active-scenario.svelte.ts';
import { currentTable } from '../compare/current-table.ts';
import type { ExportLayerId } from '../../export/layer-tables.ts';

class Exporter {
  /** A short status line ("rendering …", "exported …", an error), or null. */
  status = $state<string | null>(null);
  /** Whether the status says the last export failed (drawn as an error, not as progress). */
  failed = $state(false);
  busy = $state(false);
  /** The report being printed: its paper and map image (object URL), or null. */
  report = $state<{ paper: Paper; mapUrl: string; date: Date } | null>(null);

  #stamp(): string {
    return dateStamp(new Date());
  }

  /**
   * Run an export once every feature's figures are computed (a tab never opened starts its
   * worker now), saying which it waits for: no export writes an empty column that has a value.
   * A layer export (`figures` false) holds no board figure and does not wait.
   */
  async #run(task: () => Promise<string>, figures = true): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failed = false;
    try {
      if (figures) await prepareAllFigures((f) => (this.status = i18n.t('export.computing', { feature: f.label[i18n.lang] })));
      const file = await task();
      this.status = i18n.t('export.done', { file });
    } catch (e) {
      this.status = i18n.t('export.failed', { reason: e instanceof Error ? e.message : String(e) });
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }

  csv(): Promise<void> {
    return this.#run(async () => {
      const file = `anju-boards-${this.#stamp()}.csv`;
      const { tableToCsv } = await import('../../export/csv.ts'); // papaparse on first use
      downloadText(tableToCsv(currentTable(), notesRows(currentNotes(new Date()), i18n.lang)), file, 'text/csv;charset=utf-8');
      return file;
    });
  }

  xlsx(): Promise<void> {
    return this.#run(async () => {
      const file = `anju-boards-${this.#stamp()}.xlsx`;
      downloadBlob(await tableToXlsx(currentTable(), i18n.t('report.table'), { sheet: i18n.t('notes.sheet'), rows: notesRows(currentNotes(new Date()), i18n.lang) }), file);
      return file;
    });
  }

  boardsGeoJson(): Promise<void> {
    return this.#run(async () => {
      const file = `anju-boards-${this.#stamp()}.geojson`;
      downloadText(JSON.stringify(boardsToGeoJson(store.project.boards.features, allFigures(), currentNotes(new Date(), false))), file, 'application/geo+json');
      return file;
    });
  }

  sitesGeoJson(): Promise<void> {
    return this.#run(async () => {
      const s = currentScenario();
      const file = `anju-sites-${this.#stamp()}.geojson`;
      downloadText(JSON.stringify(sitesToGeoJson(s?.sites ?? [], s?.name ?? '')), file, 'application/geo+json');
      return file;
    });
  }

  /** The boards as FlatGeobuf (EPSG:4326), the same features and properties as the GeoJSON export. */
  boardsFlatGeobuf(): Promise<void> {
    return this.#run(async () => {
      const file = `anju-boards-${this.#stamp()}.fgb`;
      const { toFlatGeobuf } = await import('../../export/flatgeobuf-export.ts'); // flatgeobuf on first use
      const fc = boardsToGeoJson(store.project.boards.features, allFigures());
      downloadBlob(new Blob([await toFlatGeobuf(fc, 'boards')], { type: 'application/flatgeobuf' }), file);
      return file;
    });
  }

  sitesFlatGeobuf(): Promise<void> {
    return this.#run(async () => {
      const s = currentScenario();
      const file = `anju-sites-${this.#stamp()}.fgb`;
      const { toFlatGeobuf } = await import('../../export/flatgeobuf-export.ts');
      downloadBlob(new Blob([await toFlatGeobuf(sitesToGeoJson(s?.sites ?? [], s?.name ?? ''), 'sites')], { type: 'application/flatgeobuf' }), file);
      return file;
    });
  }

  /** A project layer (facilities, population, …) as GeoJSON, the same columns as its FlatGeobuf export. */
  layerGeoJson(id: ExportLayerId): Promise<void> {
    return this.#run(async () => {
      const file = `anju-${id}-${this.#stamp()}.geojson`;
      const [{ layerTable }, { tableToGeoJson }] = await Promise.all([import('../../export/layer-tables.ts'), import('../../export/layer-table.ts')]);
      const table = layerTable(store.project, id);
      if (!table) throw new Error(i18n.t('export.layer.none'));
      downloadText(JSON.stringify(tableToGeoJson(table)), file, 'application/geo+json');
      return file;
    }, false);
  }

  /** A project layer as FlatGeobuf (EPSG:4326), written in chunks, yielding to the page as it goes. */
  layerFlatGeobuf(id: ExportLayerId): Promise<void> {
    return this.#run(async () => {
      const file = `anju-${id}-${this.#stamp()}.fgb`;
      const [{ layerTable }, { flatGeobufChunks, MissingGeometryError }] = await Promise.all([import('../../export/layer-tables.ts'), import('../../export/flatgeobuf-export.ts')]);
      const table = layerTable(store.project, id);
      if (!table) throw new Error(i18n.t('export.layer.none'));
      try {
        downloadBlob(new Blob(await flatGeobufChunks(table, { layerName: id, yieldMs: 40 }), { type: 'application/flatgeobuf' }), file);
      } catch (e) {
        if (e instanceof MissingGeometryError) throw new Error(i18n.t('export.noGeometry', { missing: e.missing, total: e.total, first: e.first + 1 }), { cause: e });
        throw e;
      }
      return file;
    }, false);
  }

  png(paper: Paper, dpi: number): Promise<void> {
    return this.#run(async () => {
      const file = `anju-map-${paper}-${dpi}dpi-${this.#stamp()}.png`;
      const { widthPx, heightPx } = paperPixels(paper, dpi);
      this.status = i18n.t('export.rendering', { w: widthPx, h: heightPx });
      const { composeMapImage, canvasToPng } = await import('./map-export.ts'); // on first use
      const img = await composeMapImage(paper, dpi, new Date());
      downloadBlob(await canvasToPng(img.canvas), file);
      return file;
    });
  }

  /** Render the map for the report, show the report, then open the browser's print dialog. */
  printReport(paper: Paper): Promise<void> {
    return this.#run(async () => {
      this.status = i18n.t('export.preparing');
      const date = new Date();
      const { composeMapImage, canvasToPng } = await import('./map-export.ts');
      const img = await composeMapImage(paper, 150, date);
      const url = URL.createObjectURL(await canvasToPng(img.canvas));
      if (this.report) URL.revokeObjectURL(this.report.mapUrl);
      this.report = { paper, mapUrl: url, date };
      return `${i18n.t('report.title')} ${paper}`;
    });
  }

  closeReport(): void {
    if (this.report) URL.revokeObjectURL(this.report.mapUrl);
    this.report = null;
  }
}

export const exporter = new Exporter();
