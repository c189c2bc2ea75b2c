import { describe, expect, it } from 'vitest';
import { recentAnswers } from '@/lib/search/recent-answers';

/** A loader that counts its calls and answers `key` (or fails when told to). */
function counter() {
  const calls: string[] = [];
  const load = (key: string, fail = false) => () => {
    calls.push(key);
    return fail ? Promise.reject(new Error('base de données injoignable')) : Promise.resolve(`réponse ${key}`);
  };
  return { calls, load };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('réponses récentes gardées en mémoire (recherche)', () => {
  it('lit une fois par génération des données, et relit dès que la génération change', async () => {
    const kept = recentAnswers<string>({ maxEntries: 10, maxBytes: 1_000_000, sizeOf: (value) => value.length });
    const { calls, load } = counter();
    expect(await kept('g1', 'formation', load('formation'))).toBe('réponse formation');
    expect(await kept('g1', 'formation', load('formation'))).toBe('réponse formation');
    expect(calls).toEqual(['formation']);
    // An edit: a new generation, every kept answer is read again.
    await kept('g2', 'formation', load('formation'));
    expect(calls).toEqual(['formation', 'formation']);
  });

  it('partage une lecture en cours entre les requêtes simultanées', async () => {
    const kept = recentAnswers<string>({ maxEntries: 10, maxBytes: 1_000_000, sizeOf: (value) => value.length });
    const { calls, load } = counter();
    const answers = await Promise.all(Array.from({ length: 5 }, () => kept('g1', 'ordi', load('ordi'))));
    expect(answers).toEqual(Array.from({ length: 5 }, () => 'réponse ordi'));
    expect(calls).toEqual(['ordi']);
  });

  it('ne garde pas une lecture qui a échoué', async () => {
    const kept = recentAnswers<string>({ maxEntries: 10, maxBytes: 1_000_000, sizeOf: (value) => value.length });
    const { calls, load } = counter();
    await expect(kept('g1', 'loi 25', load('loi 25', true))).rejects.toThrow('injoignable');
    await flush();
    expect(await kept('g1', 'loi 25', load('loi 25'))).toBe('réponse loi 25');
    expect(calls).toEqual(['loi 25', 'loi 25']);
  });

  it('oublie la moins récemment utilisée au-delà du nombre permis', async () => {
    const kept = recentAnswers<string>({ maxEntries: 2, maxBytes: 1_000_000, sizeOf: (value) => value.length });
    const { calls, load } = counter();
    await kept('g1', 'a', load('a'));
    await kept('g1', 'b', load('b'));
    await kept('g1', 'a', load('a')); // a is now the most recent
    await kept('g1', 'c', load('c'));
    await flush();
    await kept('g1', 'a', load('a'));
    await kept('g1', 'b', load('b'));
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('respecte le budget d’octets, et ne garde pas une réponse plus grosse que tout le budget', async () => {
    const kept = recentAnswers<string>({ maxEntries: 100, maxBytes: 25, sizeOf: (value) => value.length });
    const { calls, load } = counter();
    await kept('g1', 'x', load('x')); // « réponse x »: 10
    await kept('g1', 'y', load('y')); // 20 in all
    await kept('g1', 'z', load('z')); // 30: x goes
    await flush();
    await kept('g1', 'y', load('y'));
    await kept('g1', 'x', load('x'));
    expect(calls).toEqual(['x', 'y', 'z', 'x']);

    const big = recentAnswers<string>({ maxEntries: 100, maxBytes: 5, sizeOf: (value) => value.length });
    const counted = counter();
    await big('g1', 'long', counted.load('long'));
    await flush();
    await big('g1', 'long', counted.load('long'));
    expect(counted.calls).toEqual(['long', 'long']);
  });
});
