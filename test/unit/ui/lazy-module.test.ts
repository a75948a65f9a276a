/** A feature's store behind its hooks loads once, on first use, and a failed load is tried again. */
import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../../src/ui/lazy-module.svelte.ts';

describe('lazyModule', () => {
  it('is null until the module has arrived, then the module; imports it once however often it is read', async () => {
    let imports = 0;
    const mod = { answer: 42 };
    const live = lazyModule(async () => (imports++, mod));
    expect(imports).toBe(0); // nothing loads before the first read
    expect(live.get()).toBeNull();
    expect(live.get()).toBeNull();
    expect(await live.load()).toBe(mod);
    expect(live.get()).toBe(mod);
    expect(imports).toBe(1);
  });

  it('tries again after a failed load (e.g. the server went away)', async () => {
    let fail = true;
    const live = lazyModule(async () => {
      if (fail) throw new Error('offline');
      return { ok: true };
    });
    await expect(live.load()).rejects.toThrow('offline');
    fail = false;
    expect(live.get()).toBeNull(); // starts a new load
    expect(await live.load()).toEqual({ ok: true });
    expect(live.get()).toEqual({ ok: true });
  });
});
