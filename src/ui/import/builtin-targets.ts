/**
 * The five built-in import targets. Each reuses the checks its feature's core already has
 * (board matching, coverage and job–housing readers) so an import accepts exactly what the
 * analyses accept, and replaces its slice with ONE `setSlice` change (undo restores the old slice).
 */
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Change } from '../../state/change.ts';
import { setSlice } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import { replaceBoards } from '../../state/project.ts';
import { matchBoardFeatures } from '../../state/import-boards.ts';
import { facilitiesFrom, populationFrom, streetsFrom } from '../../analysis/coverage/read-inputs.ts';
import { employmentFromImport } from '../jobs-housing/employment-from-import.ts';
import { categoryTiers, tierOf } from '../../domain/facility.ts';
import { gb50180 } from '../../data/gb50180.ts';
import { translate } from '../../i18n/messages/index.ts';
import type { ImportTarget } from './import-target.ts';
import { facilitiesOverlay, populationOverlay, streetsOverlay } from './import-overlays.ts';

const TIERS = categoryTiers(gb50180.facilities);
const knownCategory = (c: string) => tierOf(c, TIERS) !== null;

function label(key: string): Change<ProjectState>['label'] {
  return { zh: translate('zh', key), en: translate('en', key) };
}

/**
 * Boards are parsed as a generic layer (no `name`/`id` spec) because matchBoardFeatures also
 * knows Chinese key fields (板块名称, 名称); it checks geometry type, validity and extent itself.
 */
const boards: ImportTarget = {
  id: 'boards',
  layerType: 'generic',
  doneKey: 'import.done',
  toChange(fc, ctx) {
    const r = matchBoardFeatures(fc, ctx.state.boards, ctx.file, ctx.importedAt);
    if (!r.ok) return r;
    return { ok: true, value: { change: replaceBoards(r.value.boards), count: r.value.replacedIds.length }, warnings: r.warnings };
  },
};

const facilities: ImportTarget = {
  id: 'facilities',
  layerType: 'facilities',
  toChange(fc, ctx) {
    const r = facilitiesFrom(fc, ctx.file, knownCategory);
    if (!r.ok) return r;
    return { ok: true, value: { change: setSlice('facilities', r.value, label('importer.change.facilities')), count: r.value.length }, warnings: r.warnings };
  },
  overlay: (s) => facilitiesOverlay(s.facilities),
  drawnByTab: 'coverage',
};

const population: ImportTarget = {
  id: 'population',
  layerType: 'population',
  toChange(fc, ctx) {
    const r = populationFrom(fc, ctx.file);
    if (!r.ok) return r;
    const count = r.value.kind === 'points' ? r.value.points.length : r.value.kind === 'cells' ? r.value.cells.length : 0;
    return { ok: true, value: { change: setSlice('population', r.value, label('importer.change.population')), count }, warnings: r.warnings };
  },
  overlay: (s) => populationOverlay(s.population),
};

const streets: ImportTarget = {
  id: 'streets',
  layerType: 'generic',
  toChange(fc, ctx) {
    const r = streetsFrom(fc, ctx.file);
    if (!r.ok) return r;
    // Keep the features (and their properties) rather than the flattened lines.
    const value = fc as FeatureCollection<LineString | MultiLineString>;
    return { ok: true, value: { change: setSlice('streets', value, label('importer.change.streets')), count: fc.features.length }, warnings: r.warnings };
  },
  overlay: (s) => streetsOverlay(s.streets),
};

const employment: ImportTarget = {
  id: 'employment',
  layerType: 'employment',
  toChange(fc, ctx) {
    // The job–housing feature's conversion: keeps planGroup, nameEn, county and an explicit illustrative flag.
    const r = employmentFromImport(fc, ctx.file, ctx.importedAt);
    if (!r.ok) return r;
    return { ok: true, value: { change: setSlice('employment', r.value, label('importer.change.employment')), count: r.value.features.length }, warnings: r.warnings };
  },
  // The job–housing feature draws employment areas (its tab); no second drawing here.
};

export const BUILTIN_TARGETS: readonly ImportTarget[] = [boards, facilities, population, streets, employment];
