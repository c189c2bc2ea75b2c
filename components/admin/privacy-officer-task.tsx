import { privacyOfficerGap } from '@/lib/env';

/** A task on the dashboard while the privacy officer's address is not configured (Law 25). */
export function PrivacyOfficerTask() {
  const gap = privacyOfficerGap();
  if (!gap) return null;
  return (
    <section aria-labelledby="titre-responsable-confidentialite" className="space-y-2 rounded border-l-4 border-amber-500 bg-amber-50 p-4 text-amber-950">
      <h2 id="titre-responsable-confidentialite" className="text-xl font-semibold">
        À faire : publier l’adresse de la personne responsable de la confidentialité
      </h2>
      <p>{gap}</p>
      <p>
        En attendant, la page Confidentialité dit aux visiteurs d’écrire avec le formulaire de suggestion. La personne qui
        administre le serveur peut définir <code>PRIVACY_OFFICER_NAME</code> et <code>PRIVACY_OFFICER_EMAIL</code>, puis
        redémarrer le site.
      </p>
    </section>
  );
}
