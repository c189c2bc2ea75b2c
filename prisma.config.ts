// Prisma CLI configuration. The URL is only needed by CLI commands that talk to a
// database; `generate` works without one, so a placeholder keeps it offline-friendly.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
