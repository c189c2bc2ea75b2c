import { serializeJsonLd, type JsonLd } from '@/lib/seo/json-ld';

/** Structured data in the page; the escaping in serializeJsonLd makes the inline HTML safe. */
export function JsonLdScript({ data }: { data: JsonLd | null }) {
  if (!data) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
