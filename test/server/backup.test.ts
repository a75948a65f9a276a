import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { STORE_KINDS, openTestStore, type TestStore } from './support/test-db.ts';
import { writeBackup, restoreBackup, BackupError } from '../../src/server/store/backup.ts';
import { addUser, issueToken, userByToken, disableUser } from '../../src/server/store/users.ts';
import { createProject, listProjects, listRevisions, readRevision, saveProject, deleteProject } from '../../src/server/store/projects.ts';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { cell, projectFile, withCell } from './support/projects.ts';
import type { StoreKind } from '../../src/server/store/db.ts';
import { accessHistory, setMember } from '../../src/server/store/members.ts';
import { addReply, createThread, listThreads, markRead } from '../../src/server/store/comments.ts';
import { addSignOff, listSignOffs } from '../../src/server/store/signoffs.ts';
import { createLink, listLinks, revokeLink } from '../../src/server/store/share-links.ts';

/** Lists every live project whatever its members. */
const ADMIN = { id: 'nobody', role: 'admin' } as const;

async function backupText(store: TestStore): Promise<string> {
  const lines: string[] = [];
  await writeBackup(store.db, (l) => {
    lines.push(l);
  });
  return lines.join('\n') + '\n';
}

/** A store with history: two users (one disabled), a token, two projects with several revisions, one deleted. */
async function fill(store: TestStore): Promise<{ token: string; projectId: string }> {
  const u = await addUser(store.db, '王工', 'planner', 'correct horse battery');
  await addUser(store.db, '李工', 'viewer', null);
  await disableUser(store.db, '李工');
  const token = await issueToken(store.db, '王工');
  const actor = { user: u };
  const { projectId } = await createProject(store.db, actor, '十五五', projectFile());
  let file = projectFile();
  for (let i = 1; i <= 4; i++) {
    file = withCell(file, cell('qidu', 2023, 'affordable-rental', i * 100));
    await saveProject(store.db, projectId, i, actor, file);
  }
  // Review records: a member, a comment with a reply read by its addressee, a sign-off, a revoked meeting link.
  const reviewer = await addUser(store.db, '赵工', 'reviewer', null);
  await setMember(store.db, projectId, actor, '赵工', 'reviewer');
  const thread = await createThread(store.db, projectId, { user: reviewer }, { kind: 'cell', boardId: 'qidu', year: 2023, type: 'affordable-rental' }, 'scenario-1', { body: '@王工 请核实', mentions: ['王工'], revision: 2 });
  await addReply(store.db, projectId, thread.id, actor, { body: '已核实', mentions: [], revision: 3 });
  await markRead(store.db, projectId, reviewer.id, [(await listThreads(store.db, projectId, reviewer.id))[0].replies[0].id]);
  await addSignOff(store.db, projectId, { user: reviewer }, { scenarioId: 'scenario-1', revision: 4, verdict: 'reviewed', note: '' });
  const { link } = await createLink(store.db, projectId, actor, { scenarioId: 'scenario-1', mode: 'present', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  await revokeLink(store.db, projectId, link.id, actor);
  const other = await createProject(store.db, actor, '已删除', projectFile());
  await deleteProject(store.db, other.projectId, 1, actor);
  return { token, projectId };
}

const DIRECTIONS: [StoreKind, StoreKind][] = STORE_KINDS.length === 2 ? [['pglite', 'postgres'], ['postgres', 'pglite']] : [['pglite', 'pglite']];

describe.each(DIRECTIONS)('backup from %s, restore into %s', (fromKind, toKind) => {
  let from: TestStore;
  let to: TestStore;
  beforeAll(async () => {
    [from, to] = await Promise.all([openTestStore(fromKind), openTestStore(toKind)]);
  });
  afterAll(async () => {
    await from?.close();
    await to?.close();
  });

  it('carries every project with its full history, the accounts (passwords and tokens still work) and the audit log', async () => {
    const { token, projectId } = await fill(from);
    const text = await backupText(from);
    expect(text).not.toContain(token);
    const counts = await restoreBackup(to.db, Readable.from(text), false);
    expect(counts).toMatchObject({ user: 3, token: 1, project: 2, revision: 6, member: 3, access: 3, comment: 2, read: 1, signoff: 1, link: 1 });
    expect(await listProjects(to.db, ADMIN)).toEqual(await listProjects(from.db, ADMIN));
    expect(await accessHistory(to.db, projectId)).toEqual(await accessHistory(from.db, projectId));
    const zhao = (await to.db.query<{ id: string }>("SELECT id FROM users WHERE name = '赵工'"))[0].id;
    expect(await listThreads(to.db, projectId, zhao)).toEqual(await listThreads(from.db, projectId, zhao));
    expect((await listThreads(to.db, projectId, zhao))[0]).toMatchObject({ body: '@王工 请核实', mentions: ['王工'], replies: [{ body: '已核实', unread: false }] });
    expect(await listSignOffs(to.db, projectId)).toEqual(await listSignOffs(from.db, projectId));
    expect(await listLinks(to.db, projectId)).toMatchObject([{ state: 'revoked', mode: 'present' }]);
    expect(await listRevisions(to.db, projectId)).toEqual(await listRevisions(from.db, projectId));
    for (let r = 1; r <= 5; r++) expect((await readRevision(to.db, projectId, r))!.json).toBe((await readRevision(from.db, projectId, r))!.json);
    expect((await userByToken(to.db, token))?.name).toBe('王工');
    const [row] = await to.db.query<{ h: string }>("SELECT password_hash AS h FROM users WHERE name = '王工'");
    expect(await verifyPassword('correct horse battery', row.h)).toBe(true);
    expect((await to.db.query<{ d: string | null }>("SELECT disabled_at AS d FROM users WHERE name = '李工'"))[0].d).not.toBeNull();
    // The restored store goes on: the next save is revision 6, and a backup of it is the same backup.
    const actor = { user: (await to.db.query<{ id: string; name: string }>("SELECT id, name FROM users WHERE name = '王工'"))[0] };
    expect(await saveProject(to.db, projectId, 5, actor, withCell(projectFile(), cell('wutian', 2021, 'commercial', 1)))).toMatchObject({ ok: true, head: { revision: 6 } });
    const audit = await to.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(audit[0].n).toBeGreaterThan(5);
  });

  it('refuses to restore over data without --replace, and a damaged or cut-short file changes nothing', async () => {
    const good = await backupText(from);
    const before = await backupText(to);
    await expect(restoreBackup(to.db, Readable.from(good), false)).rejects.toThrow(/already holds/);
    const cut = good.split('\n').slice(0, -3).join('\n');
    await expect(restoreBackup(to.db, Readable.from(cut), true)).rejects.toThrow(/incomplete/);
    const tampered = good.replace(/"type":"blob","hash":"([0-9a-f]+)","body":"\[/, '"type":"blob","hash":"$1","body":"[ ');
    expect(tampered).not.toBe(good);
    await expect(restoreBackup(to.db, Readable.from(tampered), true)).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup(to.db, Readable.from('{"hello":1}\n'), true)).rejects.toThrow(/not an Anju backup/);
    const strip = (t: string) => t.split('\n').slice(1).join('\n'); // the header holds the time of the backup
    expect(strip(await backupText(to))).toBe(strip(before));
    expect(await restoreBackup(to.db, Readable.from(good), true)).toMatchObject({ project: 2 });
  });

  it('restores a version 1 backup (before review): each project’s creator becomes its owner', async () => {
    const review = new Set(['member', 'access', 'comment', 'read', 'signoff', 'link']);
    const lines = (await backupText(from)).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const v1 = lines.filter((r) => !review.has(r.type as string)).map((r) => {
      if (r.format) return { ...r, version: 1, storeSchemaVersion: 1 };
      if (r.type === 'end') return { type: 'end', counts: Object.fromEntries(Object.entries(r.counts as Record<string, number>).filter(([k]) => !review.has(k))) };
      return r;
    });
    const counts = await restoreBackup(to.db, Readable.from(v1.map((r) => JSON.stringify(r)).join('\n') + '\n'), true);
    expect(counts).toMatchObject({ project: 2, member: 0, comment: 0 });
    const owners = await to.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project_members WHERE role = 'owner'`);
    expect(owners[0].n).toBe(2);
    const wang = (await to.db.query<{ id: string }>("SELECT id FROM users WHERE name = '王工'"))[0];
    expect(await listProjects(to.db, { id: wang.id, role: 'planner' })).toMatchObject([{ name: '十五五', role: 'owner' }]);
  });
});
