import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PENDING_EMAIL_RETENTION_MONTHS, SUGGESTION_RATE_LIMITS, SUGGESTION_RETENTION_MONTHS } from '@/lib/data/suggestions';
import { getPrivacyOfficer } from '@/lib/env';
import { MAIL_RETENTION_DAYS } from '@/lib/mail/outbox';
import { VERIFICATION_REQUEST_RETENTION_MONTHS } from '@/lib/verification/policy';
import { ALL_RETENTION_MONTHS, FEW_DAYS_RETENTION_DAYS, SHOWN_AFTER_DAYS } from '@/lib/search/empty-searches';
import { LOGIN_ATTEMPT_RETENTION_DAYS } from '@/lib/security/rate-limit';
import { SESSION_ABSOLUTE_MAX_SECONDS, SESSION_MAX_AGE_SECONDS } from '@/lib/security/session-token';
import { pageMetadata } from '@/lib/seo/metadata';
import { ACRONYMS } from '@/lib/copy/vocabulary';

const expansionOf = (short: string): string => ACRONYMS.find((acronym) => acronym.short === short)?.expansion ?? short;
const LAW_25 = expansionOf('Loi 25');
const IP = expansionOf('IP');

export const metadata: Metadata = pageMetadata({
  title: 'Confidentialité',
  description:
    'Quels renseignements personnels le répertoire recueille, pourquoi, combien de temps il les garde, et comment demander à les consulter ou à les effacer (Loi 25).',
  path: '/confidentialite',
});

export default async function PrivacyPage() {
  // The person in charge comes from the environment, read at request time.
  await connection();
  const officer = getPrivacyOfficer();

  return (
    <article className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Confidentialité</h1>
        <p>
          Le répertoire recueille très peu de renseignements personnels. Cette page dit lesquels, pourquoi, combien de temps il les
          garde et comment exercer vos droits, comme le prévoit la{' '}
          <abbr title={LAW_25}>Loi 25</abbr> du Québec (Loi sur la protection des renseignements personnels dans le secteur
          privé).
        </p>
      </header>

      <section aria-labelledby="responsable" className="space-y-2">
        <h2 id="responsable" className="text-2xl font-semibold">
          Qui est responsable
        </h2>
        {officer.name || officer.email ? (
          <p>
            La personne responsable de la protection des renseignements personnels est{' '}
            {officer.name ? <strong>{officer.name}</strong> : 'la personne désignée par la Table'}
            {officer.email ? (
              <>
                . Écrivez-lui à <a href={`mailto:${officer.email}`}>{officer.email}</a>.
              </>
            ) : (
              '.'
            )}
          </p>
        ) : (
          <p>
            La personne responsable de la protection des renseignements personnels est désignée par la Table de concertation qui
            tient ce répertoire. Son adresse n’est pas encore publiée ici. En attendant, écrivez-lui avec le{' '}
            <Link href="/suggerer">formulaire de suggestion</Link> : comme nom, écrivez « Demande de confidentialité ». Un
            membre de la Table lui transmettra votre message.
          </p>
        )}
      </section>

      <section aria-labelledby="visiteurs" className="space-y-2">
        <h2 id="visiteurs" className="text-2xl font-semibold">
          Si vous consultez le répertoire
        </h2>
        <p>Vous n’avez pas de compte à créer et nous ne vous demandons rien.</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Aucun outil de suivi ni de publicité</strong> : pas de statistiques de tiers, pas de pixel, pas de réseau
            social intégré.
          </li>
          <li>
            <strong>Un seul témoin (cookie) pour vous</strong>, et seulement si vous l’utilisez : <code>panier</code> garde dans
            votre navigateur la liste des fiches que vous avez mises de côté. Il ne contient que des noms de fiches, n’est pas
            transmis à d’autres, s’efface quand vous videz votre liste et expire de lui-même après un an.
          </li>
          <li>
            Comme tout site Web, le serveur reçoit l’adresse <abbr title={IP}>IP</abbr> de votre appareil pour vous répondre ; le
            répertoire ne la garde pas,
            sauf lors d’une tentative de connexion à l’administration, et sous forme d’empreinte lors d’une suggestion (voir plus
            bas).
          </li>
          <li>
            <strong>Les recherches qui ne trouvent rien</strong> sont comptées, pour savoir ce qui manque au répertoire : nous
            gardons les mots cherchés, le jour et le nombre de fois, jamais l’heure, votre adresse IP ni rien qui vous relie à la
            recherche. Avant de garder les mots, nous retirons ce qui ressemble à une adresse courriel, une adresse Web, un
            numéro de téléphone, un code postal ou un long numéro. Les membres de la Table ne voient une recherche qu’une fois
            faite au moins {SHOWN_AFTER_DAYS} jours différents. Une recherche faite moins de {SHOWN_AFTER_DAYS} jours est
            effacée {FEW_DAYS_RETENTION_DAYS} jours plus tard ; toutes le sont après {ALL_RETENTION_MONTHS} mois.
          </li>
        </ul>
      </section>

      <section aria-labelledby="suggestions" className="space-y-2">
        <h2 id="suggestions" className="text-2xl font-semibold">
          Si vous faites une suggestion ou signalez une erreur
        </h2>
        <p>
          Le <Link href="/suggerer">formulaire de suggestion</Link> (et le lien « Signaler une erreur » de chaque fiche) ne
          demande pas de compte. Voici ce que nous recevons et gardons :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Le texte de votre envoi</strong> (nom de la solution ou du fournisseur, ce qui est offert, site Web, région, ou
            ce qui est à corriger), pour tenir le répertoire à jour. Seuls les membres de la Table le lisent. N’y mettez pas de renseignements
            personnels.
          </li>
          <li>
            <strong>Votre adresse courriel, seulement si vous la donnez et cochez la case de consentement</strong>, pour vous poser
            une question ou vous dire ce que nous avons fait de votre suggestion. Sans la case cochée, le formulaire refuse
            l’adresse. Nous l’effaçons dès que la suggestion est acceptée ou refusée, ou au plus tard{' '}
            {PENDING_EMAIL_RETENTION_MONTHS} mois après votre envoi si personne ne l’a encore traitée.
          </li>
          <li>
            <strong>Une empreinte de votre adresse IP</strong>, calculée avec une clé secrète du serveur : elle ne permet pas de
            retrouver l’adresse, seulement de compter les envois d’un même appareil pour bloquer les envois automatiques (au plus{' '}
            {SUGGESTION_RATE_LIMITS.perHour} par heure et {SUGGESTION_RATE_LIMITS.perDay} par jour).
          </li>
        </ul>
        <p>
          <strong>Combien de temps :</strong> une suggestion est gardée jusqu’à ce qu’un membre la traite, puis supprimée (avec son
          empreinte) {SUGGESTION_RETENTION_MONTHS} mois après la décision. Si elle n’est pas encore traitée{' '}
          {PENDING_EMAIL_RETENTION_MONTHS} mois après l’envoi, elle reste dans la file des membres, mais sans votre adresse
          courriel. Ces effacements se font automatiquement, à la première activité qui suit l’échéance : un nouvel envoi, une
          décision ou la consultation de la file par un membre. Si elle est acceptée, ce qu’elle a changé dans le
          répertoire (une fiche en brouillon, ou une note « à vérifier » sur une fiche) fait partie de l’historique des
          modifications ; le journal garde aussi qui a décidé, quand, et le nom suggéré, mais jamais votre adresse courriel.
        </p>
      </section>

      <section aria-labelledby="fournisseurs" className="space-y-2">
        <h2 id="fournisseurs" className="text-2xl font-semibold">
          Si vous représentez un fournisseur du répertoire
        </h2>
        <p>
          Une fois par année, la Table demande par courriel à chaque fournisseur de vérifier sa fiche. Voici ce que nous gardons pour
          le faire :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Une adresse de contact de l’organisme et sa source</strong> (par exemple « site Web de l’organisme »), notées
            par un membre de la Table. Elle sert seulement à écrire au sujet de la fiche. Elle n’est jamais affichée sur le site, ni
            dans les données ouvertes, ni dans l’outil pour les programmeurs. Nous la gardons tant que la fiche existe; écrivez-nous
            pour la changer ou l’effacer.
          </li>
          <li>
            <strong>Les courriels envoyés</strong> (adresse, sujet, texte) : gardés pour l’envoi, puis effacés {MAIL_RETENTION_DAYS}{' '}
            jours après l’envoi. Aucun pixel ni lien de suivi : nous ne savons pas si vous les ouvrez.
          </li>
          <li>
            <strong>Le suivi de chaque demande de vérification</strong> : les dates d’envoi, des rappels et de la réponse, sans
            adresse. Il est effacé {VERIFICATION_REQUEST_RETENTION_MONTHS} mois après la demande.
          </li>
          <li>
            <strong>Les liens de mise à jour</strong> : seulement une empreinte du lien, valide 7 jours et une seule fois. Les
            changements que vous proposez passent par un membre de la Table avant d’être publiés.
          </li>
          <li>
            <strong>« C’est votre organisme ? »</strong> : l’adresse que vous tapez sert à vous envoyer le lien. Si ce n’est pas
            l’adresse de contact de la fiche, votre demande va à la Table avec ce que vous avez écrit; l’adresse est effacée de la
            demande quand un membre décide, ou après six mois si personne n’a décidé. Si le membre vérifie que vous représentez
            l’organisme, il peut choisir de la garder comme adresse de contact de la fiche. Les changements que vous proposez sont effacés un an après la
            décision. Pour limiter les abus, nous gardons une empreinte de l’adresse tapée et l’adresse IP une journée.
          </li>
          <li>
            <strong>La liste d’arrêt</strong> : chaque courriel offre un lien pour ne plus en recevoir, et vous pouvez aussi répondre
            « Arrêt ». Nous gardons alors l’adresse dans une liste d’arrêt, tant que le répertoire envoie des courriels, pour ne plus
            vous écrire. Sur demande, nous l’effaçons de cette liste.
          </li>
        </ul>
      </section>

      <section aria-labelledby="membres" className="space-y-2">
        <h2 id="membres" className="text-2xl font-semibold">
          Si vous êtes membre de la Table et avez un compte
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Votre nom et votre adresse courriel</strong>, pour vous connecter et indiquer qui a fait chaque modification.
          </li>
          <li>
            <strong>Votre mot de passe, sous forme chiffrée irréversible</strong> (Argon2id) : personne, même l’équipe technique, ne
            peut le lire.
          </li>
          <li>
            <strong>L’historique des modifications</strong> (qui, quand, quoi, adresse IP), pour pouvoir revenir en arrière et
            rendre des comptes. Il est gardé tant que le répertoire existe.
          </li>
          <li>
            <strong>Les tentatives de connexion</strong> (une empreinte de l’adresse courriel saisie, calculée avec une clé secrète
            du serveur, jamais ce qui a été tapé ; l’adresse IP, ou pour une adresse IPv6 son réseau /64 seulement; la date; réussite
            ou échec), pour bloquer les tentatives répétées de deviner un mot de passe. Elles sont effacées après{' '}
            {LOGIN_ATTEMPT_RETENTION_DAYS} jours.
          </li>
          <li>
            <strong>Un témoin de session</strong>, posé seulement quand vous vous connectez, chiffré, qui expire après{' '}
            {SESSION_MAX_AGE_SECONDS / 60} minutes d’inactivité (et au plus tard {SESSION_ABSOLUTE_MAX_SECONDS / 3600} heures après
            la connexion). Quand vous vous déconnectez, la session prend fin aussi sur le serveur : une copie du témoin ne
            fonctionne plus.
          </li>
        </ul>
        <p>Un compte désactivé est conservé pour l’historique ; sur demande, nous pouvons le supprimer.</p>
      </section>

      <section aria-labelledby="droits" className="space-y-2">
        <h2 id="droits" className="text-2xl font-semibold">
          Consulter, corriger ou effacer vos renseignements
        </h2>
        <p>
          Vous pouvez demander à voir les renseignements que nous avons sur vous, à les faire corriger ou à les faire effacer, et
          retirer votre consentement.{' '}
          {officer.email ? (
            <>
              Écrivez à la personne responsable (<a href={`mailto:${officer.email}`}>{officer.email}</a>) en précisant votre
              demande.
            </>
          ) : (
            <>
              Écrivez à la personne responsable avec le <Link href="/suggerer">formulaire de suggestion</Link>, en précisant votre
              demande : comme nom, écrivez « Demande de confidentialité ».
            </>
          )} Nous répondons dans les 30 jours. Si la réponse ne vous satisfait pas, vous pouvez vous adresser
          à la <a href="https://www.cai.gouv.qc.ca/">Commission d’accès à l’information du Québec</a>.
        </p>
        <p>
          Nous ne vendons ni ne communiquons vos renseignements à personne, et ils sont hébergés par l’organisation qui exploite le
          répertoire.
        </p>
        <p>
          <Link href="/">Revenir à l’accueil</Link>
        </p>
      </section>
    </article>
  );
}
