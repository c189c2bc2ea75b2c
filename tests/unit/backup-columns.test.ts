// Which columns a backup carries and what it says it leaves out (lib/backup/export.ts), on
// column descriptions shaped like those PostgreSQL's catalog gives (lib/backup/catalog.ts).
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '@/lib/backup/catalog';
import { backedUpColumns, exclusionsOf } from '@/lib/backup/export';

const column = (name: string, type: string, udtName = type): ColumnInfo => ({ name, type, udtName, isArray: false, isNullable: false, hasDefault: false });

describe('backedUpColumns', () => {
  it('keeps every supported column, in order', () => {
    const columns = [column('id', 'text'), column('position', 'integer'), column('toVerify', 'boolean'), column('updatedAt', 'timestamp'), column('after', 'jsonb'), column('status', 'enum', 'EntryStatus')];
    expect(backedUpColumns('Need', columns).map((kept) => kept.name)).toEqual(['id', 'position', 'toVerify', 'updatedAt', 'after', 'status']);
  });

  it('leaves out the columns the policy omits and the derived ones', () => {
    expect(backedUpColumns('User', [column('id', 'text'), column('passwordHash', 'text'), column('email', 'text')]).map((kept) => kept.name)).toEqual(['id', 'email']);
    expect(backedUpColumns('Need', [column('id', 'text'), column('searchVector', 'tsvector')]).map((kept) => kept.name)).toEqual(['id']);
    // A column omitted for User is kept where the policy says nothing.
    expect(backedUpColumns('Need', [column('passwordHash', 'text')]).map((kept) => kept.name)).toEqual(['passwordHash']);
  });

  it('refuses, in French and naming the column, a type it cannot carry', () => {
    expect(() => backedUpColumns('Need', [column('id', 'text'), column('budget', 'numeric')])).toThrow(
      /La colonne Need\.budget est de type « numeric », que la sauvegarde ne sait pas encore transporter/,
    );
  });
});

describe('exclusionsOf', () => {
  it('lists the tables and columns left out with their reasons, and the derived columns, sorted', () => {
    const excluded = exclusionsOf(new Map([['Need', [column('id', 'text'), column('searchVector', 'tsvector')]], ['Theme', [column('id', 'text')]]]));
    expect(Object.keys(excluded)).toEqual(['ClaimAttempt', 'InvitationToken', 'LoginAttempt', 'MailMessage', 'Need.searchVector', 'ProviderUpdateLink', 'ScheduledJob', 'User.passwordHash']);
    expect(excluded.MailMessage).toMatch(/seconde fois/);
    expect(excluded.InvitationToken).toMatch(/usage unique/);
    expect(excluded['User.passwordHash']).toMatch(/mot de passe/);
    expect(excluded['Need.searchVector']).toMatch(/recherche plein texte/);
  });
});
