import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import { needKindLabels } from '@/lib/labels';
import type { RelatedNeedDto } from '@/lib/data/types';

export function RelatedNeeds({ related }: { related: RelatedNeedDto[] }) {
  if (related.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm">
      {related.map((link) => (
        <li key={`${link.direction}-${link.slug}`}>
          <span className="text-slate-700">{needKindLabels[link.kind]} lié : </span>
          <Link href={`/besoins/${link.slug}`}><Abbreviated text={link.title} /></Link>
          {link.note && link.direction === 'to' && <span className="text-slate-700">
              {' — '}
              <q data-source="inventaire">
                <Abbreviated text={link.note} />
              </q>
            </span>}
        </li>
      ))}
    </ul>
  );
}
