/**
 * /api/projects/:id/signoffs: reviewers mark a scenario "reviewed" or "changes requested" at
 * a revision; every member reads them, each saying whether the scenario changed since.
 */
import type { Route } from '../router.ts';
import type { Deps } from '../deps.ts';
import { HttpError, sendJson } from '../http-error.ts';
import { addSignOff, listSignOffs } from '../../store/signoffs.ts';
import { NOTE_MAX_CHARS } from '../../../state/review/comment-text.ts';
import { VERDICTS, type Verdict } from '../../../state/review/review-types.ts';
import { readObject, revisionField, scenarioField, textField } from '../review-body.ts';
import { projectId } from './project-routes.ts';

export function signOffRoutes(deps: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/projects/:id/signoffs',
      access: { project: 'view' },
      async handler(ctx) {
        sendJson(ctx.res, 200, await listSignOffs(deps.db, projectId(ctx)));
      },
    },
    {
      method: 'POST',
      path: '/api/projects/:id/signoffs',
      access: { project: 'signoff' },
      async handler(ctx) {
        const id = projectId(ctx);
        const body = await readObject(ctx, deps);
        if (!(VERDICTS as readonly unknown[]).includes(body.verdict)) throw new HttpError(400, 'invalid-verdict', `verdict must be one of ${VERDICTS.join(', ')}`, { field: 'verdict' });
        const revision = await revisionField(deps, id, body);
        const scenario = await scenarioField(deps, id, revision, body);
        const note = textField(body, 'note', NOTE_MAX_CHARS, true);
        const s = await deps.write(() => addSignOff(deps.db, id, { user: ctx.auth!.user, ip: ctx.ip }, { scenarioId: scenario.id, revision, verdict: body.verdict as Verdict, note }));
        deps.hub.notify(id, 'signoff', s);
        sendJson(ctx.res, 201, s);
      },
    },
  ];
}
