import { formatDate } from '@/lib/format';
import type { MemberDto } from '@/lib/data/users';

/** "Actif", "Désactivé" or "Invitation en attente (jusqu’au …)", in words. */
export function MemberStatus({ member }: { member: Pick<MemberDto, 'isActive' | 'hasPassword' | 'pendingLinkExpiresAt'> }) {
  if (!member.isActive) return <span>Désactivé</span>;
  if (member.hasPassword) return <span>Actif</span>;
  if (member.pendingLinkExpiresAt) return <span>Lien en attente (jusqu’au {formatDate(member.pendingLinkExpiresAt)})</span>;
  return <span>Sans mot de passe : lien expiré, à réinitialiser</span>;
}
