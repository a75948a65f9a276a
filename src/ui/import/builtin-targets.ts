/**
 * The five built-in import targets. Each reads the layer with its kind's reader (src/io/readers/,
 * the same the CLI and the analyses use), so the app accepts exactly what every command accepts,
 * and replaces its slice with ONE `setSlice` change (undo restores the old slice).
 */
import type { Change } from '../../state/change.ts';
import { setSlice } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import { replaceBoards } from '../../state/project.ts';
import { replaceBoardGeometries } from '../../state/import-boards.ts';
import { boardsReader } from '../../io/readers/boards-reader.ts';
import { facilitiesReader } from '../../io/readers/facilities-reader.ts';
import { populationReader } from '../../io/readers/population-reader.ts';
import { streetsReader } from '../../io/readers/streets-reader.ts';
import { employmentReader } from '../../io/readers/employment-reader.ts';
import { readActuals } from '../../io/readers/actuals-reader.ts';
import { employmentFromImport } from '../jobs-housing/employment-from-import.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import type { ImportTarget } from './import-target.ts';

function label(key: string): Change<ProjectState>['label'] {
  return bilingual(key);
}

/** Official boundaries: every feature must name one of the project's boards; the rest keep theirs. */
const boards: ImportTarget = {
  id: 'boards',
  kind: 'boards',
  doneKey: 'import.done',
  toChange(layer, ctx, lenient) {
    const r = boardsReader.read(layer, { known: ctx.state.boards.features.map((b) => b.properties), requireKnown: true, lenient });
    if (!r.ok) return r;
    const replaced = replaceBoardGeometries(ctx.state.boards, r.value, ctx.file, ctx.importedAt);
    return { ok: true, value: { change: replaceBoards(replaced.boards), count: replaced.replacedIds.length }, warnings: [...r.warnings, ...replaced.warnings] };
  },
};

const facilities: ImportTarget = {
  id: 'facilities',
  kind: 'facilities',
  toChange(layer, _ctx, lenient) {
    const r = facilitiesReader.read(layer, { lenient });
    if (!r.ok) return r;
    return { ok: true, value: { change: setSlice('facilities', r.value, label('importer.change.facilities')), count: r.value.length }, warnings: r.warnings };
  },
};

const population: ImportTarget = {
  id: 'population',
  kind: 'population',
  toChange(layer, _ctx, lenient) {
    const r = populationReader.read(layer, { lenient });
    if (!r.ok) return r;
    const count = r.value.kind === 'points' ? r.value.points.length : r.value.kind === 'cells' ? r.value.cells.length : 0;
    return { ok: true, value: { change: setSlice('population', r.value, label('importer.change.population')), count }, warnings: r.warnings };
  },
};

const streets: ImportTarget = {
  id: 'streets',
  kind: 'streets',
  toChange(layer, _ctx, lenient) {
    const r = streetsReader.read(layer, { lenient });
    if (!r.ok) return r;
    // Keep the features (and their properties) rather than the flattened lines.
    const value = { type: 'FeatureCollection' as const, features: r.value.features };
    return { ok: true, value: { change: setSlice('streets', value, label('importer.change.streets')), count: value.features.length }, warnings: r.warnings };
  },
};

const employment: ImportTarget = {
  id: 'employment',
  kind: 'employment',
  toChange(layer, ctx, lenient) {
    const r = employmentReader.read(layer, { lenient });
    if (!r.ok) return r;
    // The job–housing feature's conversion: keeps planGroup, nameEn, county and an explicit illustrative flag.
    const value = employmentFromImport(r.value, ctx.file, ctx.importedAt);
    return { ok: true, value: { change: setSlice('employment', value, label('importer.change.employment')), count: value.features.length }, warnings: r.warnings };
  },
};

/** Actual supply (实际供应) for the implementation review: a table by board or county, or located projects. */
const actuals: ImportTarget = {
  id: 'actuals',
  kind: 'actuals',
  allowTable: true,
  toChange(layer, ctx, lenient) {
    const r = readActuals(layer, { known: ctx.state.boards.features.map((b) => b.properties), lenient });
    if (!r.ok) return r;
    const value = { file: ctx.file, importedAt: ctx.importedAt, records: r.value };
    return { ok: true, value: { change: setSlice('actuals', value, label('importer.change.actuals')), count: r.value.length }, warnings: r.warnings };
  },
};

export const BUILTIN_TARGETS: readonly ImportTarget[] = [boards, facilities, population, streets, employment, actuals];
