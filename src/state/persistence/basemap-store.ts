/**
 * The basemap choice and the basemap file, kept in IndexedDB (a database of their own, apart
 * from the project). The file is stored once as a Blob: the browser keeps it on disk and the map
 * reads it by range, so a large basemap is neither copied again on each reload nor loaded whole
 * into memory. When the quota cannot hold it, it is not stored and the caller says so.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BasemapKind, CustomService } from '../basemap-spec.ts';

export interface BasemapSettings {
  kind: BasemapKind;
  tiandituKey: string;
  custom: CustomService;
}

export interface StoredBasemapFile {
  name: string;
  sizeBytes: number;
  blob: Blob;
}

interface BasemapDB extends DBSchema {
  kv: { key: 'settings'; value: BasemapSettings } | { key: 'file'; value: StoredBasemapFile };
}

const DB_NAME = 'anju-basemap';
let db: Promise<IDBPDatabase<BasemapDB>> | null = null;
function open(): Promise<IDBPDatabase<BasemapDB>> {
  db ??= openDB<BasemapDB>(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore('kv') });
  return db;
}

export async function loadBasemap(): Promise<{ settings: BasemapSettings | null; file: StoredBasemapFile | null }> {
  try {
    const d = await open();
    return { settings: ((await d.get('kv', 'settings')) as BasemapSettings | undefined) ?? null, file: ((await d.get('kv', 'file')) as StoredBasemapFile | undefined) ?? null };
  } catch {
    return { settings: null, file: null };
  }
}

export async function saveBasemapSettings(s: BasemapSettings): Promise<void> {
  try {
    await (await open()).put('kv', $snapshot(s), 'settings');
  } catch {
    /* storage unavailable: the choice lasts for this session */
  }
}

/** Stores the file unless the quota cannot hold it; true when stored. */
export async function saveBasemapFile(f: StoredBasemapFile): Promise<boolean> {
  try {
    const est = await navigator.storage?.estimate?.();
    if (est?.quota !== undefined && est.usage !== undefined && est.quota - est.usage < f.sizeBytes * 1.1) return false;
    await (await open()).put('kv', f, 'file');
    return true;
  } catch {
    return false;
  }
}

export async function forgetBasemapFile(): Promise<void> {
  try {
    await (await open()).delete('kv', 'file');
  } catch {
    /* nothing stored */
  }
}

/** A plain copy for IndexedDB (Svelte state proxies cannot be cloned). */
function $snapshot<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
