import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ImportForm } from '@/components/import/import-form';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Importer des fiches' };

export default async function ImportPage() {
  await connection();
  await requireUser();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Importer des fiches</h1>
        <p>
          Mettez à jour le répertoire depuis un tableur : partez d’un fichier de la page <Link href="/donnees">Données ouvertes</Link>, modifiez-le,
          puis téléversez-le ici. Vous verrez ce qui sera créé ou modifié, ligne par ligne, avant d’appliquer.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Chaque fiche est reconnue par son identifiant, la colonne <code>slug</code> : un slug connu modifie la fiche, un nouveau slug la crée. Une
            fiche absente du fichier n’est ni modifiée ni supprimée.
          </li>
          <li>
            Les codes (<code>kind</code>, <code>cost</code>, <code>regions</code>…) s’écrivent comme dans le fichier téléchargé, ou avec leur libellé
            français ; plusieurs valeurs se séparent par « | ».
          </li>
          <li>Les colonnes calculées (url, updated_at, nombres de solutions) sont ignorées. Une colonne retirée du fichier laisse ce champ tel quel.</li>
          <li>Les liens entre fiches (solutions d’un besoin, fournisseurs d’une solution, besoins liés) s’importent avec repertoire.json.</li>
          <li>Une seule ligne en erreur bloque tout le fichier : rien n’est écrit tant qu’elle n’est pas corrigée. Chaque changement est inscrit à l’historique.</li>
        </ul>
      </header>
      <ImportForm />
    </div>
  );
}
