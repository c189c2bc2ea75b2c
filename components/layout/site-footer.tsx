import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-6 text-sm text-slate-700">
        <p>
          Données de départ : inventaire des besoins, enjeux et solutions de la Table de concertation sur le
          renforcement des capacités numériques des organismes communautaires (avril 2023).
        </p>
        <p>
          Une solution ou un fournisseur manque ? <Link href="/suggerer">Suggérez-le</Link>. Une information est à corriger ? Suivez le lien
          « Signaler une erreur » de la fiche : les membres de la Table qui tiennent le répertoire à jour le liront.
        </p>
        <nav aria-label="Pied de page" className="no-print">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            <li>
              <Link href="/portrait">Portrait pour les bailleurs de fonds</Link>
            </li>
            <li>
              <Link href="/donnees">Données ouvertes</Link>
            </li>
            <li>
              <Link href="/suggerer">Faire une suggestion</Link>
            </li>
            <li>
              <Link href="/confidentialite">Confidentialité</Link>
            </li>
            <li>
              <Link href="/admin">Espace des membres</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
