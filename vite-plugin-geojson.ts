import type { Plugin } from 'vite';

/** Lets the app `import x from '…/boards.geojson'` as JSON (the files are checked-in GeoJSON). */
export function geojson(): Plugin {
  return {
    name: 'anju-geojson',
    transform(code, id) {
      if (!id.endsWith('.geojson')) return null;
      return { code: `export default JSON.parse(${JSON.stringify(code)});`, map: null };
    },
  };
}
