import { Badge, type BadgeTone } from '@/components/ui/badge';
import { availabilityLabels } from '@/lib/labels';
import type { Availability } from '@/lib/generated/prisma/enums';

const looks: Record<Availability, { tone: BadgeTone; icon: string }> = {
  EXISTING: { tone: 'existing', icon: '✓' },
  UNCONFIRMED: { tone: 'unconfirmed', icon: '?' },
  PROPOSED: { tone: 'proposed', icon: '○' },
};

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const { tone, icon } = looks[availability];
  return (
    <Badge tone={tone}>
      <span aria-hidden="true" className="mr-1">
        {icon}
      </span>
      {availabilityLabels[availability]}
    </Badge>
  );
}
