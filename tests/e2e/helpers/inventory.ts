// The seed file is the expected content of the site: tests read it instead of
// repeating titles and names.
import { readFileSync } from 'node:fs';
import path from 'node:path';

type SeedSolution = {
  key: string;
  title: string;
  description: string;
  availability: 'EXISTING' | 'PROPOSED' | 'UNCONFIRMED';
  providers: { provider: string; role: string; isRoleInferred?: boolean }[];
  children?: SeedSolution[];
};
type SeedNeed = { key: string; title: string; description: string; related: { need: string; note: string }[]; solutions: SeedSolution[] };
type SeedProvider = { key: string; name: string };

// Playwright runs from the repository root (scripts/test.ts).
const file = path.join(process.cwd(), 'prisma', 'seed', 'inventaire-2023.json');
const data = JSON.parse(readFileSync(file, 'utf8')) as { needs: SeedNeed[]; providers: SeedProvider[] };

export const seedNeeds = data.needs;
export const seedProviders = data.providers;

export function allSolutions(solutions: SeedSolution[]): SeedSolution[] {
  return solutions.flatMap((solution) => [solution, ...allSolutions(solution.children ?? [])]);
}
