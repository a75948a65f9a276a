import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, openTestStore, type TestStore } from './support/test-db.ts';
import { addUser, disableUser, issueToken, listUsers, userByToken, UserExistsError, type User } from '../../src/server/store/users.ts';
import { createSession, sessionUser } from '../../src/server/store/sessions.ts';
import { createProject, deleteProject, listProjects, listRevisions, projectHead, readRevision, restoreRevision, saveProject } from '../../src/server/store/projects.ts';
import { migrate } from '../../src/server/store/migrations.ts';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { cell, projectFile, withCell } from './support/projects.ts';
import { checkProjectFile } from '../../src/state/scenario-file.ts';
import { shippedBoardNames } from '../../src/server/shipped-boards.ts';

describe.each(STORE_KINDS)('store on %s', (kind) => {
  let store: TestStore;
  let alice: User;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store?.close());
  beforeEach(async () => {
    await store.reset();
    // No password here: scrypt is deliberately slow; the accounts tests add their own.
    alice = await addUser(store.db, '王工', 'planner', null);
  });
  const actor = () => ({ user: alice });

  it('applies each migration once', async () => {
    expect(await migrate(store.db)).toEqual([]);
    expect(await store.db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
  });

  describe('accounts', () => {
    it('stores a scrypt hash, never the password, and refuses a duplicate name', async () => {
      await addUser(store.db, '李工', 'reviewer', 'correct horse battery');
      const [row] = await store.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE name = $1', ['李工']);
      expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row.password_hash).not.toContain('correct horse');
      expect(await verifyPassword('correct horse battery', row.password_hash)).toBe(true);
      expect(await verifyPassword('correct horse batterY', row.password_hash)).toBe(false);
      await expect(addUser(store.db, '李工', 'viewer', null)).rejects.toBeInstanceOf(UserExistsError);
    });

    it('issues tokens stored only as hashes; disabling a user ends their tokens and sessions at once', async () => {
      const token = await issueToken(store.db, '王工');
      expect(token).toMatch(/^anju_[A-Za-z0-9_-]{43}$/);
      const dump = JSON.stringify(await store.db.query('SELECT * FROM api_tokens'));
      expect(dump).not.toContain(token);
      expect((await userByToken(store.db, token))?.name).toBe('王工');
      const session = await createSession(store.db, alice.id);
      expect((await sessionUser(store.db, session.id))?.user.name).toBe('王工');
      await disableUser(store.db, '王工');
      expect(await userByToken(store.db, token)).toBeNull();
      expect(await sessionUser(store.db, session.id)).toBeNull();
      expect((await listUsers(store.db))[0].disabledAt).not.toBeNull();
    });
  });

  describe('projects and revisions', () => {
    it('numbers saves 1, 2, 3 with author, time and a summary generated from the change', async () => {
      const created = await createProject(store.db, actor(), '十五五 住房布局', projectFile());
      expect(created).toMatchObject({ revision: 1, author: '王工', name: '十五五 住房布局' });
      const v2 = withCell(projectFile(), cell('qidu', 2023, 'affordable-rental', 1200));
      const saved = await saveProject(store.db, created.projectId, 1, actor(), v2);
      expect(saved).toMatchObject({ ok: true, unchanged: false, head: { revision: 2, author: '王工', summary: '七都 2023 保障性租赁住房 +1,200' } });
      const v3 = withCell(v2, cell('wutian', 2021, 'commercial', 700));
      expect(await saveProject(store.db, created.projectId, 2, actor(), v3)).toMatchObject({ ok: true, head: { revision: 3, summary: '梧田 2021 新建普通商品住房 +700' } });
      const revs = await listRevisions(store.db, created.projectId);
      expect(revs!.map((r) => [r.revision, r.author])).toEqual([[3, '王工'], [2, '王工'], [1, '王工']]);
      expect(Date.parse(revs![0].at)).toBeGreaterThan(Date.now() - 60_000);
      expect(await listProjects(store.db, alice)).toMatchObject([{ id: created.projectId, name: '十五五 住房布局', revision: 3, updatedBy: '王工', role: 'owner', unreadComments: 0 }]);
    });

    it('gives back each revision exactly as saved, valid, with the revision time as savedAt', async () => {
      const { projectId } = await createProject(store.db, actor(), 'p', projectFile());
      const v2 = withCell(projectFile(), cell('qidu', 2023, 'affordable-rental', 1200));
      await saveProject(store.db, projectId, 1, actor(), v2);
      const r1 = await readRevision(store.db, projectId, 1);
      const r2 = await readRevision(store.db, projectId);
      const parsed = JSON.parse(r2!.json);
      expect(parsed).toEqual({ ...v2, savedAt: r2!.info.at });
      expect(JSON.parse(r1!.json).scenarios[0].allocations).toEqual([]);
      expect(checkProjectFile(parsed, new Set(shippedBoardNames().keys())).ok).toBe(true);
    });

    it('refuses a save based on a stale revision and writes nothing', async () => {
      const { projectId } = await createProject(store.db, actor(), 'p', projectFile());
      await saveProject(store.db, projectId, 1, actor(), withCell(projectFile(), cell('qidu', 2023, 'commercial', 5)));
      const stale = await saveProject(store.db, projectId, 1, actor(), withCell(projectFile(), cell('qidu', 2023, 'commercial', 9)));
      expect(stale).toMatchObject({ ok: false, reason: 'stale', head: { revision: 2, author: '王工' } });
      expect((await projectHead(store.db, projectId))!.revision).toBe(2);
      expect(await listRevisions(store.db, projectId)).toHaveLength(2);
    });

    it('does not make a revision of a save that changes nothing', async () => {
      const { projectId } = await createProject(store.db, actor(), 'p', projectFile());
      expect(await saveProject(store.db, projectId, 1, actor(), projectFile())).toMatchObject({ ok: true, unchanged: true, head: { revision: 1 } });
    });

    it('stores a slice once however many revisions share it', async () => {
      const big = projectFile([], { facilities: Array.from({ length: 500 }, (_, i) => ({ id: `f${i}`, category: 'school', lonLat: [120.6, 28] as [number, number] })) });
      const { projectId } = await createProject(store.db, actor(), 'p', big);
      const count = async () => (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blobs'))[0].n;
      const before = await count();
      await saveProject(store.db, projectId, 1, actor(), withCell(big, cell('qidu', 2023, 'commercial', 5)));
      expect(await count()).toBe(before + 1);
    });

    it('restores an old revision as a new one and deletes without losing history', async () => {
      const { projectId } = await createProject(store.db, actor(), 'p', projectFile());
      await saveProject(store.db, projectId, 1, actor(), withCell(projectFile(), cell('qidu', 2023, 'commercial', 5)));
      const restored = await restoreRevision(store.db, projectId, 1, 2, actor());
      expect(restored).toMatchObject({ ok: true, head: { revision: 3, restoredFrom: 1, summary: '恢复到修订 1：七都 2023 新建普通商品住房 −5' } });
      expect(JSON.parse((await readRevision(store.db, projectId, 3))!.json).scenarios).toEqual(JSON.parse((await readRevision(store.db, projectId, 1))!.json).scenarios);
      expect(await restoreRevision(store.db, projectId, 1, 2, actor())).toMatchObject({ ok: false, reason: 'stale' });
      expect(await restoreRevision(store.db, projectId, 9, 3, actor())).toMatchObject({ ok: false, reason: 'no-such-revision' });
      expect(await deleteProject(store.db, projectId, 3, actor())).toMatchObject({ ok: true });
      expect(await listProjects(store.db, alice)).toEqual([]);
      expect(await projectHead(store.db, projectId)).toBeNull();
      expect((await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM revisions WHERE project_id = $1', [projectId]))[0].n).toBe(3);
    });

    it('refuses to change or delete a revision or a blob (immutable history)', async () => {
      const { projectId } = await createProject(store.db, actor(), 'p', projectFile());
      await expect(store.db.query("UPDATE revisions SET summary = 'x' WHERE project_id = $1", [projectId])).rejects.toThrow(/immutable/);
      await expect(store.db.query('DELETE FROM revisions WHERE project_id = $1', [projectId])).rejects.toThrow(/immutable/);
      await expect(store.db.query("UPDATE blobs SET body = '[]'")).rejects.toThrow(/immutable/);
    });

    it('numbers concurrent saves without gaps or duplicates, and every acknowledged save is in the history', async () => {
      const { projectId } = await createProject(store.db, actor(), 'p', projectFile());
      const WRITERS = 12;
      const SAVES = 4;
      const acknowledged: { revision: number; units: number }[] = [];
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let i = 0; i < SAVES; i++) {
            const units = w * 100 + i + 1;
            for (;;) {
              const head = await readRevision(store.db, projectId);
              const file = withCell(JSON.parse(head!.json), cell('qidu', 2021, 'commercial', units));
              const r = await saveProject(store.db, projectId, head!.info.revision, actor(), file);
              if (r.ok) {
                acknowledged.push({ revision: r.head.revision, units });
                break;
              }
              // Only ever "someone saved first" — never a lost project row under the lock.
              expect(r.reason).toBe('stale');
              conflicts++;
            }
          }
        }),
      );
      const revs = (await listRevisions(store.db, projectId))!.map((r) => r.revision).sort((a, b) => a - b);
      expect(revs).toEqual(Array.from({ length: WRITERS * SAVES + 1 }, (_, i) => i + 1));
      for (const a of acknowledged) {
        const saved = JSON.parse((await readRevision(store.db, projectId, a.revision))!.json);
        expect(saved.scenarios[0].allocations).toEqual([cell('qidu', 2021, 'commercial', a.units)]);
      }
      // With PostgreSQL's connection pool the writers really overlap.
      if (kind === 'postgres') expect(conflicts).toBeGreaterThan(0);
    });
  });
});
