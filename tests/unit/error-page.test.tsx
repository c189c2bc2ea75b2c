import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/app/error';
import GlobalError from '@/app/global-error';

describe("page d'erreur", () => {
  const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { digest: '123' });
  error.stack = 'Error: connect ECONNREFUSED\n    at Pool.connect (node_modules/pg/lib/pool.js:45:11)';

  it("explique en français sans montrer le message ni la pile de l'erreur", () => {
    const html = renderToStaticMarkup(<ErrorPage error={error} reset={() => undefined} />);
    expect(html).toContain('Le répertoire ne répond pas pour le moment');
    expect(html).toContain('Réessayer');
    expect(html).not.toContain('ECONNREFUSED');
    expect(html).not.toContain('pool.js');
  });

  it('la page de dernier recours aussi', () => {
    const html = renderToStaticMarkup(<GlobalError />);
    expect(html).toContain('lang="fr-CA"');
    expect(html).not.toContain('ECONNREFUSED');
  });
});
