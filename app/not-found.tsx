import type { Metadata } from 'next';
import Link from 'next/link';
import { notFoundMetadata } from '@/lib/seo/metadata';

export const metadata: Metadata = notFoundMetadata;

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Page introuvable</h1>
      <p>Cette page n&apos;existe pas ou n&apos;est plus publiée. L&apos;adresse a peut-être changé.</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/besoins">Parcourir les besoins et solutions</Link>
        </li>
        <li>
          <Link href="/fournisseurs">Voir les fournisseurs de A à Z</Link>
        </li>
        <li>
          <Link href="/">Revenir à l&apos;accueil</Link>
        </li>
      </ul>
    </div>
  );
}
