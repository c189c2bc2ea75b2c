import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VerificationInfo } from '@/components/ui/verification-info';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import type { VerificationDto } from '@/lib/data/types';

const now = new Date('2026-11-28T15:00:00.000Z');
const base: VerificationDto = { verifiedAt: null, toVerify: false, verifyNote: '' };

function render(verification: Partial<VerificationDto> & { verifiedBy?: string }, compact = false): string {
  return renderToStaticMarkup(<VerificationInfo verification={{ ...base, ...verification }} now={now} compact={compact} />);
}

describe('encadré de vérification', () => {
  it("avertit quand la fiche n'a jamais été vérifiée", () => {
    const html = render({});
    expect(html).toContain('Dernière vérification : pas encore');
    expect(html).toContain('Personne n’a encore vérifié cette fiche : ce qu’elle dit a pu changer.');
  });

  it('donne la date et avertit après 12 mois', () => {
    const html = render({ verifiedAt: '2025-06-01T12:00:00.000Z' });
    expect(html).toContain('<time dateTime="2025-06-01T12:00:00.000Z">1 juin 2025</time>');
    expect(html).toContain('Personne n’a vérifié cette fiche depuis plus de 12 mois : ce qu’elle dit a pu changer.');
  });

  it("n'avertit pas une fiche vérifiée dans les 12 derniers mois", () => {
    const html = render({ verifiedAt: '2026-06-01T12:00:00.000Z' });
    expect(html).toContain('1 juin 2026');
    expect(html).not.toContain('a pu changer');
  });

  it('ne montre pas une date future comme une vérification', () => {
    const html = render({ verifiedAt: '2030-01-01T00:00:00.000Z' });
    expect(html).not.toContain('2030');
    expect(html).toContain('date de vérification de cette fiche est fausse');
  });

  it('dit qui a vérifié un fournisseur : l’organisme ou la Table, personne quand ce n’est pas noté', () => {
    expect(render({ verifiedAt: '2026-06-01T12:00:00.000Z', verifiedBy: 'ORGANIZATION' })).toContain('Vérifiée le <time dateTime="2026-06-01T12:00:00.000Z">1 juin 2026</time> par l’organisme');
    expect(render({ verifiedAt: '2026-06-01T12:00:00.000Z', verifiedBy: 'MEMBER' })).toContain('1 juin 2026</time> par la Table');
    const unknown = render({ verifiedAt: '2026-06-01T12:00:00.000Z', verifiedBy: 'NONE' });
    expect(unknown).toContain('Dernière vérification : <time');
    expect(unknown).not.toMatch(/par l’organisme|par la Table/);
    // A verifier without a usable date says nothing of who.
    expect(render({ verifiedAt: null, verifiedBy: 'ORGANIZATION' })).not.toContain('par l’organisme');
  });

  it('montre la note « À vérifier », seule en mode compact', () => {
    const note = "Coordonnées manquantes : l'inventaire ne donne ni site Web ni contact.";
    expect(render({ toVerify: true, verifyNote: note })).toContain('<span class="font-semibold">À vérifier : </span>');
    const compact = render({ toVerify: true, verifyNote: note }, true);
    expect(compact).toContain('Coordonnées manquantes');
    expect(compact).not.toContain('Dernière vérification');
    expect(compact).not.toContain('a pu changer');
  });
});

describe('balise JSON-LD', () => {
  it("reste une seule balise script, même avec « </script> » dans les données", () => {
    const html = renderToStaticMarkup(
      <JsonLdScript data={{ '@context': 'https://schema.org', '@type': 'Organization', name: '</script><script>alert(1)</script>' }} />,
    );
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = html.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, '');
    expect(JSON.parse(json)).toMatchObject({ '@type': 'Organization', name: '</script><script>alert(1)</script>' });
  });

  it("n'écrit rien sans données", () => {
    expect(renderToStaticMarkup(<JsonLdScript data={null} />)).toBe('');
  });
});
