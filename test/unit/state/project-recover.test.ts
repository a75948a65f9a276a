/**
 * "Recover what is readable": from damaged stored data, everything that passes the
 * project checks on its own is kept, the rest is dropped (or replaced by the initial project's
 * board of the same id), and the result always passes the checks.
 */
import { describe, expect, it } from 'vitest';
import { recoverProject } from '../../../src/state/project-recover.ts';
import { checkWholeProject } from '../../../src/state/project-file.ts';
import { BOW_TIE, shippedDefaults, validProjectFile } from '../../support/hostile-projects.ts';

describe('recoverProject', () => {
  it('keeps a valid project exactly, reporting no loss', () => {
    const f = validProjectFile();
    const r = recoverProject(f, shippedDefaults());
    expect(r.losses).toEqual([]);
    const direct = checkWholeProject(f, shippedDefaults());
    expect(direct.ok && r.project).toEqual(direct.ok && direct.value);
  });

  it('drops the damaged items only, and says how much of each part it kept', () => {
    const f = validProjectFile();
    f.nodes[1].properties.id = 'n1'; // duplicate id: the second node goes
    f.facilities.push({ id: 'f3', category: 'kindergarten', lonLat: [1e308, 1000] });
    f.boards.features[3].geometry = BOW_TIE; // replaced by the initial board of that id
    f.scenarios[0].name = '名'.repeat(300);
    f.scenarios[0].allocations.push({ boardId: 'qidu', year: 2022, type: 'commercial', units: 2 ** 53 + 2 });
    f.scenarios.push({ id: 'junk', name: 5 }, 'not a scenario');
    f.dwellings.bad = -1;
    const d = shippedDefaults();
    const r = recoverProject(f, d);
    expect(checkWholeProject({ app: 'anju', schemaVersion: 2, ...r.project }, d).ok).toBe(true);
    expect(r.project.nodes.map((n) => n.properties.id)).toEqual(['n1']);
    expect(r.project.facilities.map((x) => x.id)).toEqual(['f1', 'f2']);
    expect(r.project.boards.features[3]).toEqual(d.boards.features[3]);
    expect(r.project.boards.features[0].geometry).toEqual(f.boards.features[0].geometry);
    expect(r.project.scenarios).toHaveLength(2);
    expect(r.project.scenarios[0].name).toBe('名'.repeat(200));
    expect(r.project.scenarios[0].allocations).toEqual([{ boardId: 'qidu', year: 2021, type: 'commercial', units: 500 }]);
    expect(r.project.scenarios[0].sites.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(r.project.scenarios[1]).toMatchObject({ id: 'junk', allocations: [], sites: [] });
    expect(r.project.dwellings).toEqual({ qidu: 5000 });
    expect(r.losses).toEqual(
      expect.arrayContaining([
        { part: 'nodes', kept: 1, total: 2 },
        { part: 'facilities', kept: 2, total: 3 },
        { part: 'dwellings', kept: 1, total: 2 },
        { part: 'scenarios', kept: 2, total: 3 },
        { part: 'boards', kept: 20, total: 21 },
      ]),
    );
  });

  it('finds the few bad items among many by halving, quickly', () => {
    const f = validProjectFile();
    f.facilities = Array.from({ length: 50_000 }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', lonLat: [120.6 + (i % 100) / 1000, i === 777 || i === 40_001 ? 95 : 28] }));
    const started = performance.now();
    const r = recoverProject(f, shippedDefaults());
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(r.project.facilities).toHaveLength(49_998);
    expect(r.losses).toEqual([{ part: 'facilities', kept: 49_998, total: 50_000 }]);
  }, 60_000);

  it('falls back to the initial project for what is not a project at all', () => {
    const d = shippedDefaults();
    for (const raw of [null, 42, 'x', [], { scenarios: 'no' }, { boards: 7, scenarios: [] }]) {
      const r = recoverProject(raw, d);
      expect(r.project.scenarios).toEqual(d.scenarios);
      expect(r.project.boards.features).toEqual(d.boards.features); // the collection's CRS84 member is not project data
    }
  });
});
