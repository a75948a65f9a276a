/** The file name of stored data downloaded as it is: `anju-stored-data-2026-11-26-0930.json`. */
export function storedDataFileName(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `anju-stored-data-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.json`;
}
