/**
 * Ticking off cells of the 附件1 renovation schedule (communities per county, type and year)
 * as done. The ticks are a project slice (`renovationDone`), undoable like every edit.
 */
import type { Change } from './change.ts';
import type { RenovationType } from '../domain/target.ts';
import type { ProjectState } from './project.ts';

/** The key of one 附件1 cell: `鹿城区|comprehensive|2021`. */
export function renovationKey(county: string, type: RenovationType, year: number): string {
  return `${county}|${type}|${year}`;
}

/** Mark a cell done (`done` true) or not done; the inverse restores the previous mark. */
export function setRenovationDone(key: string, done: boolean): Change<ProjectState> {
  return {
    label: done ? { zh: '标记改造完成', en: 'Tick off renovation' } : { zh: '取消改造完成标记', en: 'Untick renovation' },
    apply(state) {
      const was = state.renovationDone.includes(key);
      if (was === done) return { state, inverse: setRenovationDone(key, was) };
      const renovationDone = done ? [...state.renovationDone, key].sort() : state.renovationDone.filter((k) => k !== key);
      return { state: { ...state, renovationDone }, inverse: setRenovationDone(key, was) };
    },
  };
}
