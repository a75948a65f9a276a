/**
 * A project file's content split into slices, each stored once as a content-addressed blob
 * (SHA-256 of its JSON text), and put back together as the file's JSON text. A revision
 * lists its slices' hashes; a save that changes one cell re-stores only `scenarios`.
 */
import { sha256Hex } from '../auth/secrets.ts';
import { APP_ID } from '../../state/scenario-schema.ts';
import type { ProjectFile } from '../../state/scenario-file.ts';

/** Envelope keys: written when the file is assembled, never stored as slices. */
const ENVELOPE = new Set(['app', 'schemaVersion', 'savedAt']);
/** The order slices are written in (the ProjectState order); unknown keys follow, sorted. */
const ORDER = ['boards', 'nodes', 'scenarios', 'facilities', 'population', 'streets', 'employment', 'dwellings', 'renovationDone'];

export interface Slice {
  hash: string;
  text: string;
}

/** Slice key → its JSON text and hash. */
export function splitProject(file: ProjectFile): Map<string, Slice> {
  const out = new Map<string, Slice>();
  for (const [key, value] of Object.entries(file)) {
    if (ENVELOPE.has(key) || value === undefined) continue;
    const text = JSON.stringify(value);
    out.set(key, { hash: sha256Hex(text), text });
  }
  return out;
}

export function sliceOrder(keys: Iterable<string>): string[] {
  const all = [...keys];
  return [...ORDER.filter((k) => all.includes(k)), ...all.filter((k) => !ORDER.includes(k)).sort()];
}

/** The file's JSON text from slice texts, with the envelope; `savedAt` = when the revision was saved. */
export function assembleProject(schemaVersion: number, savedAt: string, slices: ReadonlyMap<string, string>): string {
  const parts = [`"app":${JSON.stringify(APP_ID)}`, `"schemaVersion":${schemaVersion}`, `"savedAt":${JSON.stringify(savedAt)}`];
  for (const key of sliceOrder(slices.keys())) parts.push(`${JSON.stringify(key)}:${slices.get(key)}`);
  return `{${parts.join(',')}}`;
}

/** A project name: 1–200 characters, no control characters or surrounding spaces. */
export function checkProjectName(name: string): string | null {
  if (!name || name.length > 200) return 'a project name has 1 to 200 characters';
  // eslint-disable-next-line no-control-regex -- control characters are stripped from user text on purpose
  if (name.trim() !== name || /[\u0000-\u001f\u007f]/.test(name)) return 'a project name has no control characters or surrounding spaces';
  return null;
}
