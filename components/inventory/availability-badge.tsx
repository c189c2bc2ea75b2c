import { Badge } from '@/components/ui/badge';
import { availabilityLabels } from '@/lib/labels';
import type { Availability } from '@/lib/generated/prisma/enums';

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  return (
    <Badge tone={availability === 'EXISTING' ? 'existing' : 'proposed'}>
      <span aria-hidden="true" className="mr-1">
        {availability === 'EXISTING' ? '✓' : '○'}
      </span>
      {availabilityLabels[availability]}
    </Badge>
  );
}
