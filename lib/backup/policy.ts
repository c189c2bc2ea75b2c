// What a backup (npm run db:export) holds, table by table. Every model of the Prisma schema
// must be listed here, either backed up or excluded with a reason: `satisfies` makes a new
// model a type error until someone decides, and tests/integration/backup.test.ts checks the
// same at run time against the generated client and the database.
import type { Prisma } from '@/lib/generated/prisma/client';

export const BACKUP_FORMAT = 'repertoire-numerique-sauvegarde';
/** Bump when the file's envelope changes shape (not when the schema grows: tables follow it). */
export const BACKUP_FORMAT_VERSION = 1;

export type TablePolicy =
  | {
      backup: true;
      /** Columns left out of the file, each with the reason. Restored as NULL or their default. */
      omitColumns?: Record<string, string>;
    }
  | { backup: false; reason: string };

export const BACKUP_POLICY = {
  Theme: { backup: true },
  Need: { backup: true },
  NeedLink: { backup: true },
  Solution: { backup: true },
  NeedSolution: { backup: true },
  Provider: { backup: true },
  SolutionProvider: { backup: true },
  // Without it, the next `npm run db:seed` would bring back entries people deleted.
  SeedRecord: { backup: true },
  User: {
    backup: true,
    omitColumns: {
      passwordHash:
        'Un mot de passe ne voyage pas dans un fichier de sauvegarde (même haché, il se casse hors ligne). ' +
        'Après une restauration, chaque membre reçoit un nouveau lien d’accès.',
    },
  },
  InvitationToken: {
    backup: false,
    reason:
      'Liens d’accès à usage unique : les restaurer ranimerait des liens envoyés par courriel. ' +
      'Les membres restaurés reçoivent de nouveaux liens.',
  },
  // The history of entries and members' actions: the point of a full backup.
  AuditLog: { backup: true },
  // Sessions members signed out of (12 hours at most): restored with the members, so that a
  // cookie signed out of before the backup does not work again after a restore.
  EndedSession: { backup: true },
  LoginAttempt: {
    backup: false,
    reason:
      'Tentatives de connexion (empreinte de l’adresse saisie, adresse IP) gardées 30 jours pour la limite de débit seulement, ' +
      'et l’empreinte dépend de NEXTAUTH_SECRET : rien à restaurer.',
  },
  Suggestion: { backup: true },
  // Reviewed and edited by members (their history is in AuditLog).
  SynonymGroup: { backup: true },
  // Counts per query and day, nothing personal (lib/search/empty-searches.ts); the erasure rules
  // apply again after a restore.
  EmptySearch: { backup: true },
  MailMessage: {
    backup: false,
    reason:
      'File d’envoi des courriels : la restaurer enverrait une seconde fois des messages déjà partis. ' +
      'Les messages envoyés sont de toute façon effacés après quelques semaines.',
  },
  // Links a provider received by email (issue 15): restoring them would revive links already sent.
  ProviderUpdateLink: {
    backup: false,
    reason:
      'Liens à usage unique envoyés aux organismes pour mettre leur fiche à jour : les restaurer ranimerait des liens envoyés par courriel. ' +
      'Un organisme en demande un autre depuis sa fiche.',
  },
  // Proposed changes and claim requests waiting for a member: part of the round table's work.
  ProviderProposal: { backup: true },
  ClaimAttempt: {
    backup: false,
    reason: 'Demandes « C’est votre organisme ? » gardées un jour pour la limite de débit seulement (empreinte de l’adresse saisie, adresse IP) : rien à restaurer.',
  },
  // The follow-up of verification campaigns (dates and outcomes, no address): restored, so that a
  // restore neither sends a second request nor forgets the reminders already sent.
  VerificationRequest: { backup: true },
  // Addresses that asked to stop (anti-spam law): losing them in a restore would write to them again.
  MailSuppression: { backup: true },
  ScheduledJob: {
    backup: false,
    reason: 'Prochaine exécution des tâches planifiées : recréée au démarrage du site, rien à restaurer.',
  },
} as const satisfies Record<Prisma.ModelName, TablePolicy>;

export type ModelName = keyof typeof BACKUP_POLICY;

/** Column types computed by the database itself: not in the file, rebuilt on insert. */
export const DERIVED_COLUMN_TYPES: Record<string, string> = {
  tsvector: 'Document de recherche plein texte, recalculé par les déclencheurs de la base à chaque insertion.',
};

export function policyOf(model: string): TablePolicy | undefined {
  return (BACKUP_POLICY as Record<string, TablePolicy>)[model];
}

export const BACKED_UP_MODELS = (Object.keys(BACKUP_POLICY) as ModelName[]).filter((model) => BACKUP_POLICY[model].backup);
