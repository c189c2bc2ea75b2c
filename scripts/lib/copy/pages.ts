// Every public page a visitor can reach, for `npm run copy:check` and the copy test: the
// sitemap's (each need, solution and provider included) and the pages it does not list (a
// few searches, the guided match with answers, a shared basket, the suggestion form, a 404).

export type PublicPage = {
  /** Path and query fetched. */
  path: string;
  /** The page's kind, as the allow-list names it: "/besoins/[slug]", "/recherche". */
  route: string;
  /** Pages that answer 404 on purpose. */
  expectedStatus?: number;
};

const SEARCHES = ['formation', 'loi 25', 'sauvegarde données', 'carefour', 'xylophone'];
// /trouver: answers that match several solutions, and answers that match none.
const MATCHES = ['aide=TRAINING&budget=none&region=MONTREAL', 'aide=HARDWARE&aide=LEGAL&budget=none&format=IN_PERSON&pour=SENIORS'];

/** The route an entry's path belongs to: /besoins/x → /besoins/[slug]. */
export function routeOf(path: string): string {
  const pathname = path.split('?')[0]!;
  const entry = /^\/(besoins|solutions|fournisseurs)\/[^/]+$/.exec(pathname);
  return entry ? `/${entry[1]}/[slug]` : pathname;
}

/** Paths listed in a sitemap.xml, whatever its host (SITE_URL may differ from where we fetch). */
export function sitemapPaths(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
    const url = new URL(match[1]!.replaceAll('&amp;', '&'));
    return `${url.pathname}${url.search}`;
  });
}

export async function listPublicPages(fetchText: (path: string) => Promise<string>): Promise<PublicPage[]> {
  const listed = sitemapPaths(await fetchText('/sitemap.xml'));
  const first = (prefix: string): string | undefined => listed.find((path) => path.startsWith(prefix))?.split('/').pop();
  const solution = first('/solutions/');
  const provider = first('/fournisseurs/');
  const extra = [
    ...SEARCHES.map((q) => `/recherche?q=${encodeURIComponent(q)}`),
    ...MATCHES.map((answers) => `/trouver?${answers}`),
    '/panier',
    ...(solution && provider ? [`/panier?liste=s:${solution},p:${provider}`] : []),
    '/suggerer',
    ...(solution ? [`/suggerer?type=solution&slug=${solution}`] : []),
    // The stop link of campaign messages (not in the sitemap); without its key, the page that says so.
    '/courriels/arret',
    // « C'est votre organisme ? » and the organisation's pages (a forged link shows its French page).
    ...(provider ? [`/fournisseurs/${provider}/mise-a-jour`, `/fournisseurs/${provider}/mise-a-jour?envoye=1`] : []),
    `/mise-a-jour/${'x'.repeat(43)}`,
    '/mise-a-jour/merci?etat=envoye',
  ];
  const pages: PublicPage[] = [...new Set([...listed, ...extra])].map((path) => ({ path, route: routeOf(path) }));
  pages.push({ path: '/cette-page-n-existe-pas', route: '/404', expectedStatus: 404 });
  return pages;
}
