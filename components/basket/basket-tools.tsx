import { CopyLinkButton } from '@/components/basket/copy-link-button';
import { PrintButton } from '@/components/basket/print-button';
import { Abbr } from '@/components/ui/abbreviated';
import type { BasketRef } from '@/lib/basket/refs';
import { csvPath, shareUrl } from '@/lib/basket/share-link';
import type { ReactNode } from 'react';

const secondaryButton =
  'inline-flex items-center rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 no-underline hover:bg-brand-50';

/**
 * Share link (a read-only field: select and copy, or the optional copy button), printing
 * (the browser's own command; the page has a print stylesheet) and the CSV download.
 * Works without JavaScript; hidden on the printed sheet.
 */
export function BasketTools({ refs, siteUrl, children }: { refs: readonly BasketRef[]; siteUrl: string; children?: ReactNode }) {
  return (
    <section id="outils" aria-labelledby="titre-outils" className="no-print space-y-5 rounded-md bg-slate-50 p-4">
      <h2 id="titre-outils" className="text-2xl font-semibold">
        Partager, imprimer, télécharger
      </h2>

      <div className="space-y-2">
        <label htmlFor="lien-partage" className="block font-medium">
          Lien à partager
        </label>
        <p id="aide-lien-partage" className="text-sm text-slate-700">
          Ce lien ouvre la même liste sur un autre appareil, sans compte. Il ne contient que les fiches choisies, rien sur
          vous.
        </p>
        <input
          id="lien-partage"
          type="text"
          readOnly
          value={shareUrl(siteUrl, refs)}
          aria-describedby="aide-lien-partage"
          className="block w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
        />
        <CopyLinkButton inputId="lien-partage" />
      </div>

      <div className="space-y-2">
        <h3 className="font-medium">Imprimer</h3>
        <p className="text-sm text-slate-700">
          La commande Imprimer de votre navigateur (Ctrl+P, ou ⌘+P sur Mac) donne une feuille simple : les noms, ce
          qui est offert, les coordonnées et les sites Web, sans menus ni boutons.
        </p>
        <PrintButton />
      </div>

      <div className="space-y-2">
        <h3 className="font-medium">Télécharger</h3>
        <p className="text-sm text-slate-700">
          Pour un tableur comme Excel, LibreOffice ou Google Sheets : un fichier <Abbr short="CSV" />, avec une ligne par
          fiche.
        </p>
        <a href={csvPath(refs)} download className={secondaryButton}>
          Télécharger (CSV)
        </a>
      </div>

      {children}
    </section>
  );
}
