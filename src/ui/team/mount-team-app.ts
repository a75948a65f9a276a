/**
 * The team app's entry (loaded only when team-probe.ts found a team server): its messages are
 * added, the session starts, then TeamApp mounts with the app's shell handed in by main.ts.
 */
import { mount, type Component, type Snippet } from 'svelte';
import TeamApp from './TeamApp.svelte';
import { team } from '../../state/team/team-session.svelte.ts';
import type { TeamProbe } from '../../state/team/team-probe.ts';
import { registerMessages } from '../../i18n/messages/index.ts';
import { loadPolygonClip } from '../../geo/polygon-clip.ts';
import { team as teamMessages } from '../../i18n/messages/team.ts';

export async function mountTeamApp(target: HTMLElement, App: Component<{ teamBar?: Snippet }>, probe: TeamProbe): Promise<ReturnType<typeof mount>> {
  registerMessages('zh', teamMessages.zh); // English comes with the rest of English (messages/en/)
  // A project with polygon sites is summed with polygon clipping: loaded beside the session.
  await Promise.all([team.start(probe), loadPolygonClip().catch((err: unknown) => console.error('[anju] polygon clipping could not be loaded', err))]);
  return mount(TeamApp, { target, props: { App } });
}
