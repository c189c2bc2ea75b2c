/**
 * A one-time link shown to the admin right after it was made (it is not stored in clear:
 * leaving the page loses it, a new one can be made). A mailto: link prepares the email
 * without any server-side sending.
 */
export function AccessLinkNotice({ link, expiresAt, email }: { link: string; expiresAt?: string; email?: string }) {
  const expiry = expiresAt
    ? new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Toronto' }).format(new Date(expiresAt))
    : null;
  const subject = 'Votre accès au Répertoire numérique communautaire';
  const body = `Bonjour,\n\nVoici votre lien pour choisir votre mot de passe (il fonctionne une seule fois${expiry ? `, jusqu’au ${expiry}` : ''}) :\n\n${link}\n`;
  return (
    <div className="space-y-2 rounded border border-brand-700 bg-brand-50 p-4">
      <label htmlFor="lien-acces" className="block font-medium">
        Lien à transmettre
      </label>
      <input
        id="lien-acces"
        readOnly
        value={link}
        aria-describedby="lien-acces-aide"
        className="block w-full rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm"
      />
      <p id="lien-acces-aide" className="text-sm">
        Copiez-le maintenant : il ne sera plus affiché.{expiry ? ` Il expire le ${expiry}.` : ''}
      </p>
      {email && (
        <p className="text-sm">
          <a href={`mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}>
            Préparer le courriel dans ma messagerie
          </a>
        </p>
      )}
    </div>
  );
}
