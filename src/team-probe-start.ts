/**
 * Asks the team server (/api/health) as the very first thing the page runs: main.ts imports this
 * module first, so the request is on its way while the rest of the start-up scripts evaluate and
 * the answer is usually there when main.ts needs it (README "### First load"). A meeting link
 * (`?share=TOKEN`) asks nothing.
 */
import { probeTeamServer, type TeamProbe } from './state/team/team-probe.ts';

export const shareToken = new URLSearchParams(location.search).get('share');
export const teamProbe: Promise<TeamProbe | null> | null = shareToken ? null : probeTeamServer();
