import Link from 'next/link';

/** What to do when there is nothing to show yet. */
export function EmptyBasket({ title = 'Votre panier est vide.' }: { title?: string }) {
  return (
    <section aria-labelledby="titre-vide" className="space-y-3 rounded-md border border-slate-200 p-4">
      <h2 id="titre-vide" className="text-2xl font-semibold">
        {title}
      </h2>
      <p>
        Sur la page d’une solution ou d’un fournisseur, le bouton « Ajouter au panier » ajoute la fiche ici. Vous pourrez
        ensuite partager la liste, l’imprimer ou la télécharger. Pour commencer :
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <Link href="/besoins">Parcourir les besoins et leurs solutions</Link>
        </li>
        <li>
          <Link href="/fournisseurs">Voir les fournisseurs de A à Z</Link>
        </li>
        <li>
          <Link href="/recherche">Chercher dans le répertoire</Link>
        </li>
      </ul>
    </section>
  );
}
