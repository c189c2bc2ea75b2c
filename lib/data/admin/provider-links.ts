import 'server-only';
// A provider's links are edited from each solution; its edit page lists them, read-only.
import type { EditLinks } from '@/lib/data/admin/entries';

type SolutionLink = { role: string; solution: { id: string; title: string } };

export const providerEditLinks: EditLinks = {
  select: { solutions: { select: { role: true, solution: { select: { id: true, title: true } } } } },
  read: (row) => ({ solutions: (row.solutions as SolutionLink[]).map((link) => ({ id: link.solution.id, title: link.solution.title, role: link.role })) }),
};
