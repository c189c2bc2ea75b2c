import { moveNeedAction } from '@/lib/actions/needs';
import { idleFormState } from '@/lib/validation/form-state';

const moveAction = moveNeedAction.bind(null, idleFormState);

/** "Monter" / "Descendre": one small form per button, answered by a redirect back to the list. */
export function MoveButtons({ id, version, title, back, isFirst, isLast }: { id: string; version: number; title: string; back: string; isFirst: boolean; isLast: boolean }) {
  const button = 'rounded border border-brand-700 bg-white px-2 py-0.5 text-sm font-medium text-brand-900 hover:bg-brand-50';
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:gap-2">
      {(['up', 'down'] as const).map((direction) =>
        (direction === 'up' ? isFirst : isLast) ? null : (
          <form key={direction} action={moveAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="direction" value={direction} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" className={button}>
              {direction === 'up' ? 'Monter' : 'Descendre'}
              <span className="sr-only"> « {title} »</span>
            </button>
          </form>
        ),
      )}
    </div>
  );
}
