import Link from 'next/link';

// Rendered with status 403 when requireRole() refuses a signed-in member.
export default function AdminForbidden() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Accès refusé</h1>
      <p>Votre rôle ne permet pas d’ouvrir cette page. Seules les personnes qui administrent le répertoire y ont accès.</p>
      <p>Si vous pensez en avoir besoin, demandez-le à l’une d’elles.</p>
      <p>
        <Link href="/admin">Revenir au tableau de bord</Link>
      </p>
    </div>
  );
}
