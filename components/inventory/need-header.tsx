import { Badge } from '@/components/ui/badge';
import { needKindLabels } from '@/lib/labels';
import type { NeedDto } from '@/lib/data/types';

export function NeedMeta({ need }: { need: Pick<NeedDto, 'kind' | 'theme'> }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Badge tone={need.kind === 'NEED' ? 'brand' : 'neutral'}>{needKindLabels[need.kind]}</Badge>
      {need.theme && <span className="text-sm text-slate-700">Thème : {need.theme.name}</span>}
    </div>
  );
}
