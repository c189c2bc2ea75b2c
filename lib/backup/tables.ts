// Reading and writing any table through the Prisma client, by model name: the backup works
// on every model the policy keeps without a line of code per table.
import type { PrismaClient, Prisma } from '@/lib/generated/prisma/client';

type Row = Record<string, unknown>;

export type TableDelegate = {
  findMany(args?: { omit?: Record<string, true> }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};

export function tableDelegate(db: PrismaClient | Prisma.TransactionClient, model: string): TableDelegate {
  const key = `${model[0]!.toLowerCase()}${model.slice(1)}`;
  const delegate = (db as unknown as Record<string, TableDelegate | undefined>)[key];
  if (!delegate || typeof delegate.findMany !== 'function') throw new Error(`Modèle Prisma introuvable : ${model}.`);
  return delegate;
}

/** Compares primary-key tuples (ids are cuids or composite text keys): a stable row order. */
export function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = String(a[index] ?? '');
    const right = String(b[index] ?? '');
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}
