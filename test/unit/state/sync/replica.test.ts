import { describe, expect, it } from 'vitest';
import { Replica, type Merge, type SharedProjectStore, type StoreSnapshot, type Unreadable } from '../../../../src/state/sync/replica.ts';
import { takeTheirs } from '../../../../src/state/sync/patch-change.ts';
import { History } from '../../../../src/state/history.ts';
import type { Change } from '../../../../src/state/change.ts';
import type { ProjectState } from '../../../../src/state/project.ts';
import { liftScenarios } from '../../../../src/state/project.ts';
import { setAllocation } from '../../../../src/state/scenario-changes.ts';
import { setRenovationDone } from '../../../../src/state/renovation-changes.ts';
import { cellUnits } from '../../../../src/state/scenario.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import { testBoards } from '../../../support/allocation-fixtures.ts';

/** A store with IndexedDB's contract: writes conditional on the revision; what it holds is a copy. */
class MemoryStore implements SharedProjectStore<number> {
  rev = 0;
  held: ProjectState | null = null;
  writes = 0;
  corrupt = false;
  async revision() {
    return this.rev;
  }
  async read() {
    if (this.corrupt) return { revision: this.rev, raw: { population: 'garbage' }, state: { ok: false as const, problems: [{ code: 'project-bad-field' as const, severity: 'error' as const, field: 'population' }] } };
    return { revision: this.rev, state: this.held ? { ok: true as const, value: structuredClone(this.held), warnings: [] } : null };
  }
  async write(base: StoreSnapshot<number>, next: ProjectState) {
    if (base.revision !== this.rev) return { ok: false as const, stale: true as const };
    this.held = structuredClone(next);
    this.corrupt = false;
    this.writes++;
    return { ok: true as const, revision: ++this.rev };
  }
}

const origin = initialProject(testBoards(), { type: 'FeatureCollection', features: [] }, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00Z');

/** One tab: an undo history over the project, and its replica of the shared store. */
function tab(store: MemoryStore, start: StoreSnapshot<number> = { revision: store.rev, state: store.held ? structuredClone(store.held) : null }) {
  const history = new History<ProjectState>(start.state ?? origin);
  const merges: Merge[] = [];
  const replica = new Replica<number>({
    store,
    start,
    origin,
    local: () => history.state,
    adopt: (m) => {
      history.replacePresent(m.state);
      merges.push(m);
    },
  });
  return {
    history,
    replica,
    merges,
    edit: (c: Change<ProjectState>) => history.apply(c),
    cell: (board: string, year: 2021 | 2022) => cellUnits(history.state.scenarios[0], board, year, 'commercial'),
  };
}
const setCell = (board: string, year: 2021 | 2022, units: number) => liftScenarios(setAllocation('scenario-1', board, year, 'commercial', units));

describe('Replica: two tabs over one store lose nothing', () => {
  it('merges edits of different cells (旧城 500 in A, 梧田 700 in B opened earlier): both are stored and both tabs show both', async () => {
    const store = new MemoryStore();
    const b = tab(store); // opened first
    const a = tab(store);
    a.edit(setCell('k1', 2021, 500));
    expect(await a.replica.push()).toBe('saved');
    b.edit(setCell('s1', 2021, 700));
    expect(await b.replica.push()).toBe('saved'); // stale at first: merged A's edit, then saved
    expect(b.merges).toHaveLength(1);
    expect(b.merges[0].conflicts).toEqual([]);
    expect(b.merges[0].theirs).toMatchObject([{ kind: 'cell', boardId: 'k1', after: 500 }]);
    expect([b.cell('k1', 2021), b.cell('s1', 2021)]).toEqual([500, 700]);
    await a.replica.pull();
    expect([a.cell('k1', 2021), a.cell('s1', 2021)]).toEqual([500, 700]);
    expect(store.held && [cellUnits(store.held.scenarios[0], 'k1', 2021, 'commercial'), cellUnits(store.held.scenarios[0], 's1', 2021, 'commercial')]).toEqual([500, 700]);
    expect(a.replica.dirty || b.replica.dirty).toBe(false);
  });

  it('merges 附件1 ticks one by one', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    const b = tab(store);
    a.edit(setRenovationDone('鹿城区|comprehensive|2021', true));
    b.edit(setRenovationDone('龙湾区|comprehensive|2022', true));
    await a.replica.push();
    await b.replica.push();
    await a.replica.pull();
    expect([...a.history.state.renovationDone].sort()).toEqual(['龙湾区|comprehensive|2022', '鹿城区|comprehensive|2021'].sort()); // a set: order is not content
    expect(store.held?.renovationDone).toEqual(a.history.state.renovationDone);
  });

  it('shows a same-cell edit as a conflict with both values, keeps this tab’s, and can take the other’s as one undoable change', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    const b = tab(store);
    b.edit(setCell('k1', 2021, 700));
    await b.replica.push();
    a.edit(setCell('k1', 2021, 500));
    await a.replica.push();
    const [m] = a.merges;
    expect(m.conflicts).toMatchObject([{ kind: 'cell', boardId: 'k1', year: 2021, base: 0, mine: 500, theirs: 700 }]);
    expect(a.cell('k1', 2021)).toBe(500);
    expect(cellUnits(store.held!.scenarios[0], 'k1', 2021, 'commercial')).toBe(500);
    // The person takes the other tab's value: an undoable change like any edit.
    a.history.apply(takeTheirs(m, m.conflicts[0].id, { zh: '改用另一窗口的值', en: 'take theirs' }));
    expect(a.cell('k1', 2021)).toBe(700);
    a.history.undo();
    expect(a.cell('k1', 2021)).toBe(500);
  });

  it('a tab with no edits of its own takes what was saved, keeping the objects that did not change', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    const b = tab(store);
    const before = b.history.state;
    a.edit(setCell('k1', 2022, 42));
    await a.replica.push();
    await b.replica.pull();
    expect(b.cell('k1', 2022)).toBe(42);
    expect(b.history.state.boards).toBe(before.boards); // same object: nothing re-uploaded to the map
    expect(b.history.state.employment).toBe(before.employment);
    expect(b.replica.dirty).toBe(false);
    expect(await b.replica.push()).toBe('unchanged');
    expect(store.writes).toBe(1);
  });

  it('keeps undo working after a merge: undo reverts this tab’s own edit, not the other’s', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    const b = tab(store);
    a.edit(setCell('k1', 2021, 500));
    await a.replica.push();
    b.edit(setCell('s1', 2021, 700));
    await b.replica.push();
    b.history.undo();
    expect([b.cell('k1', 2021), b.cell('s1', 2021)]).toEqual([500, 0]);
  });

  it('neither merges nor writes over data another writer stored that fails the checks: it hands it over and waits', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    const met: Unreadable<number>[] = [];
    const r = new Replica<number>({ store, start: { revision: 0, state: null }, origin, local: () => a.history.state, adopt: () => {}, onUnreadable: (u) => met.push(u) });
    a.edit(setCell('k1', 2021, 9));
    store.corrupt = true; // another tab stored data this one cannot read
    store.rev = 3;
    expect(await r.push()).toBe('blocked');
    expect(store.writes).toBe(0);
    expect(met).toMatchObject([{ revision: 3, raw: { population: 'garbage' }, problems: [{ code: 'project-bad-field' }] }]);
    expect(r.blocked?.revision).toBe(3);
    expect(await r.push()).toBe('blocked'); // still nothing written, and not asked twice
    expect(met).toHaveLength(1);
    // The app set the data aside and stored this tab's project in its place (revision 4): saving resumes from there.
    store.corrupt = false;
    store.held = structuredClone(a.history.state);
    store.rev = 4;
    r.resume({ revision: 4, state: a.history.state });
    expect(await r.push()).toBe('unchanged');
    a.edit(setCell('k1', 2022, 5));
    expect(await r.push()).toBe('saved');
    expect(store.rev).toBe(5);
  });

  it('merges what could be recovered of unreadable data into this tab’s own edits (mergeWith), adopting nothing itself', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    const b = tab(store);
    a.edit(setCell('k1', 2021, 500));
    b.edit(setCell('s1', 2021, 700));
    const m = a.replica.mergeWith(b.history.state);
    expect(m.conflicts).toEqual([]);
    expect([cellUnits(m.state.scenarios[0], 'k1', 2021, 'commercial'), cellUnits(m.state.scenarios[0], 's1', 2021, 'commercial')]).toEqual([500, 700]);
    expect(a.cell('s1', 2021)).toBe(0); // the caller applies it (as one undoable change)
  });

  it('gives up after a bounded number of attempts when every write is refused', async () => {
    const store = new MemoryStore();
    const a = tab(store);
    store.write = async () => ({ ok: false, stale: true });
    store.rev = 1; // the store moved on; reading it never lets a write through
    store.held = structuredClone(origin);
    a.edit(setCell('k1', 2021, 1));
    await expect(a.replica.push()).rejects.toThrow(/8 attempts/);
  });
});
