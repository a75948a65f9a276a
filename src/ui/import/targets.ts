/**
 * What an imported layer can become: a small registry of targets, one per kind of project data
 * (boards, facilities, population, streets, employment). A target reads the checked WGS-84 layer
 * with its kind's reader (src/io/readers/, the same the CLI uses) and turns it into ONE undoable
 * change of the project state, or the problems that stop it.
 * Features may add targets or override one (same id) with `registerImportTarget`.
 */
import type { ImportTarget } from './import-target.ts';
import { BUILTIN_TARGETS } from './builtin-targets.ts';

const registry: ImportTarget[] = [...BUILTIN_TARGETS];

/** The targets in menu order. */
export function importTargets(): readonly ImportTarget[] {
  return registry;
}

/** Add a target, or replace the one with the same id (keeping its place in the menu). */
export function registerImportTarget(target: ImportTarget): void {
  const i = registry.findIndex((t) => t.id === target.id);
  if (i >= 0) registry[i] = target;
  else registry.push(target);
}

/** The target with this id; throws for an unknown id (a programmer error). */
export function importTarget(id: string): ImportTarget {
  const t = registry.find((x) => x.id === id);
  if (!t) throw new Error(`unknown import target: ${id}`);
  return t;
}
