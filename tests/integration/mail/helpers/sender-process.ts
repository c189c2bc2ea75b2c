// A sender in a process of its own, for the tests that kill one with SIGKILL mid-send
// (tests/integration/mail/crash.test.ts): one run of deliverDueMail, as the scheduler's job
// does, against DATABASE_URL and SMTP_URL, with the lease given in LEASE_SECONDS.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { deliverDueMail } from '@/lib/mail/sender';
import { createSmtpTransport } from '@/lib/mail/transport';

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
const transport = createSmtpTransport(process.env.SMTP_URL!);
console.log('STARTED');
deliverDueMail(prisma, transport, { from: 'Table <repertoire@example.org>', contactEmail: 'table@example.org' }, { leaseSeconds: Number(process.env.LEASE_SECONDS) })
  .then((report) => console.log(`DONE ${JSON.stringify(report)}`))
  .finally(async () => {
    transport.close();
    await prisma.$disconnect();
  });
