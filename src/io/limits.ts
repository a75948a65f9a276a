/**
 * Limits on imported files. 200 MB is a judgement, not a measurement: well above the layers a city
 * plan needs, while keeping a browser tab's memory bounded when the file, its parse and the
 * converted copy exist at the same time. Change it here only.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** The limit in MB, for messages. */
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);
