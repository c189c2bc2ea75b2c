import Link from 'next/link';
import { searchHref } from '@/lib/search/params';
import { quoted } from '@/lib/search/wording';

/** "Vouliez-vous dire… ?": links to queries that do find something. */
export function SearchSuggestions({ suggestions }: { suggestions: string[] }) {
  if (suggestions.length === 0) return null;
  return (
    <div className="rounded-md border border-brand-100 bg-brand-50 p-4">
      <p className="font-semibold">Vouliez-vous dire :</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {suggestions.map((suggestion) => (
          <li key={suggestion}>
            <Link href={searchHref({ query: suggestion })}>{quoted(suggestion)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
