// What /admin/verification says of a request, from its facts.
import { describe, expect, it } from 'vitest';
import { requestStatus, type RequestFacts } from '@/lib/verification/status';

const base: RequestFacts = { sentAt: new Date('2026-01-05'), reminder1At: null, reminder2At: null, answeredAt: null, outcome: null, failedAt: null, hasFailedMail: false };
const d = new Date('2026-02-01');

describe('requestStatus', () => {
  it('follows the request from sent to reminded', () => {
    expect(requestStatus(base)).toBe('sent');
    expect(requestStatus({ ...base, reminder1At: d })).toBe('reminded-once');
    expect(requestStatus({ ...base, reminder1At: d, reminder2At: d })).toBe('reminded-twice');
  });

  it('says failed as soon as a message was refused, before the job records it', () => {
    expect(requestStatus({ ...base, reminder1At: d, hasFailedMail: true })).toBe('failed');
    expect(requestStatus({ ...base, failedAt: d })).toBe('failed');
  });

  it('puts the outcome first', () => {
    expect(requestStatus({ ...base, reminder1At: d, outcome: 'CONFIRMED', answeredAt: d })).toBe('confirmed');
    expect(requestStatus({ ...base, outcome: 'UPDATED', answeredAt: d, hasFailedMail: true })).toBe('updated');
    expect(requestStatus({ ...base, outcome: 'VERIFIED_BY_MEMBER' })).toBe('verified-by-member');
    expect(requestStatus({ ...base, reminder1At: d, reminder2At: d, outcome: 'NO_ANSWER' })).toBe('unanswered');
  });
});
