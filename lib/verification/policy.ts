// The campaign's timing and what it keeps, in one place: the campaign code, the admin page, the
// privacy page and the README say the same numbers.

/** A reminder goes this many days after the request… */
export const FIRST_REMINDER_DAYS = 21;
/** …and a last one this many days after the request (and at least 21 after the first reminder). */
export const LAST_REMINDER_DAYS = 42;
/** Days after the last reminder before an unanswered request marks the provider « à vérifier ». */
export const NO_ANSWER_AFTER_LAST_REMINDER_DAYS = 21;
/** A request's dates (never an address) are erased this long after it was sent (lib/jobs/erasures.ts). */
export const VERIFICATION_REQUEST_RETENTION_MONTHS = 24;
