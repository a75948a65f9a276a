/**
 * The team app's entry (loaded only when team-probe.ts found a team server): its messages (and
 * team review's, with its parts in the app) are added, the session starts, then TeamApp mounts with the app's shell handed in by main.ts.
 */
import { mount, type Component, type Snippet } from 'svelte';
import TeamApp from './TeamApp.svelte';
import { team } from '../../state/team/team-session.svelte.ts';
import type { TeamProbe } from '../../state/team/team-probe.ts';
import { registerMessages } from '../../i18n/messages/index.ts';
import { loadPolygonClip } from '../../geo/polygon-clip.ts';
import { team as teamMessages } from '../../i18n/messages/team.ts';
import { teamReview as teamReviewMessages } from '../../i18n/messages/team-review.ts';
import { provideTeamReview } from '../team-review/provide-team-review.ts';

export async function mountTeamApp(target: HTMLElement, App: Component<{ teamBar?: Snippet }>, probe: TeamProbe): Promise<ReturnType<typeof mount>> {
  // English comes with the rest of English (messages/en/).
  registerMessages('zh', teamMessages.zh);
  registerMessages('zh', teamReviewMessages.zh);
  provideTeamReview();
  // A project with polygon sites is summed with polygon clipping: loaded beside the session.
  await Promise.all([team.start(probe), loadPolygonClip().catch((err: unknown) => console.error('[anju] polygon clipping could not be loaded', err))]);
  return mount(TeamApp, { target, props: { App } });
}
