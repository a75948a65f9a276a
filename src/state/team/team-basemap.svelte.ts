/**
 * The team server's basemap (`anju serve --basemap FILE`): asked once signed in (GET /api/basemap,
 * readable by every signed-in user) and handed to the basemap picker, which offers "团队底图".
 * The server answers `{ basemap: null }` when it has none; URLs in the answer are relative to
 * the API and made absolute here (MapLibre and PMTiles fetch them as given).
 */
import type { ApiClient } from './api-client.ts';
import type { TeamBasemap } from '../basemap-spec.ts';
import { basemapState } from '../basemap.svelte.ts';
import { registerMessages } from '../../i18n/messages/index.ts';
import { basemapFiles } from '../../i18n/messages/basemap-files.ts';

export async function offerTeamBasemap(api: ApiClient): Promise<void> {
  let b: TeamBasemap | null;
  try {
    b = (await api.call<{ basemap: TeamBasemap | null }>('GET', 'basemap')).basemap;
  } catch {
    return; // offline or an older server: the picker stays as it is
  }
  registerMessages('zh', basemapFiles.zh);
  if (b?.format === 'pmtiles') b = { ...b, url: api.url(b.url) };
  else if (b?.format === 'mbtiles') b = { ...b, tiles: api.url(b.tiles).replace(/%7B/gi, '{').replace(/%7D/gi, '}') };
  basemapState.offerTeam(b);
}
