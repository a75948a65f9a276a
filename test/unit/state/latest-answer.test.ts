/** An older answer that arrives after a newer one is stale; answers of other lists are not. */
import { describe, expect, it } from 'vitest';
import { latestAnswers, STALE } from '../../../src/state/latest-answer.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('latestAnswers', () => {
  it('gives STALE for an answer overtaken by a newer request for the same list', async () => {
    const latest = latestAnswers();
    const older = deferred<string>(), newer = deferred<string>();
    const a = latest('members', () => older.promise);
    const b = latest('members', () => newer.promise);
    newer.resolve('reviewer');
    older.resolve('viewer'); // arrives last
    expect(await b).toBe('reviewer');
    expect(await a).toBe(STALE);
  });

  it('keeps answers of different lists apart, and an answer with no newer request', async () => {
    const latest = latestAnswers();
    const members = deferred<number>();
    const a = latest('members', () => members.promise);
    const b = latest('threads', async () => 2);
    members.resolve(1);
    expect(await a).toBe(1);
    expect(await b).toBe(2);
  });
});
