import { ALL_INFORMATION, type Part2Consent } from './part2-consent';

export type DisclosureRequest = Readonly<{
  recipient: string;
  purpose: string;
  at: string | Date;
  /** The categories to disclose; when omitted, any consent for the recipient and purpose will do. */
  information?: readonly string[];
  /** For the dates in reasons; the site's zone. Default UTC. */
  timeZone?: string;
}>;

export type DisclosureDecision =
  | Readonly<{ allowed: true; consentId: string }>
  | Readonly<{ allowed: false; reason: string }>;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const time = (value: string | Date | null | undefined): number =>
  value === null || value === undefined ? Number.NaN : new Date(value).getTime();

const listed = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? 'nothing') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const missingInformation = (consent: Part2Consent, wanted: readonly string[] | undefined): string[] =>
  !wanted || consent.information.some((c) => same(c, ALL_INFORMATION))
    ? []
    : wanted.filter((w) => !consent.information.some((c) => same(c, w)));

/** Why this consent does not cover the moment `at`, or undefined when it does. */
const outsideWindow = (consent: Part2Consent, at: number, day: (ms: number) => string): string | undefined => {
  const to = `The consent for ${consent.recipient}`;
  const signed = time(consent.signedAt);
  if (Number.isNaN(signed)) return `${to} has no readable signature date.`;
  if (at < signed) return `${to} was signed on ${day(signed)}, after the date of this disclosure.`;
  const revoked = time(consent.revokedAt);
  if (!Number.isNaN(revoked) && revoked <= at) return `The participant revoked the consent for ${consent.recipient} on ${day(revoked)}.`;
  if (consent.expiry.kind === 'date') {
    const ends = time(consent.expiry.on);
    if (Number.isNaN(ends)) return `${to} has no readable expiry date.`;
    if (ends <= at) return `${to} expired on ${day(ends)}.`;
  } else {
    const ended = time(consent.expiry.occurredAt);
    if (!Number.isNaN(ended) && ended <= at) return `${to} ended with ${consent.expiry.event} on ${day(ended)}.`;
  }
  return undefined;
};

/**
 * Whether a Part 2 consent allows this disclosure, and if not why, in a clinician's words. Pure:
 * the caller passes the participant's consents and the moment of the disclosure.
 */
export const mayDisclose = (consents: readonly Part2Consent[], request: DisclosureRequest): DisclosureDecision => {
  const at = time(request.at);
  if (Number.isNaN(at)) throw new TypeError('mayDisclose needs the moment of the disclosure');
  const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: request.timeZone ?? 'UTC' });
  const day = (ms: number) => dayFormat.format(ms);

  const toRecipient = consents.filter((c) => same(c.recipient, request.recipient));
  if (toRecipient.length === 0) return { allowed: false, reason: `No consent on file names ${request.recipient} as a recipient.` };

  const forPurpose = toRecipient.filter((c) => same(c.purpose, request.purpose));
  if (forPurpose.length === 0) {
    const purposes = [...new Set(toRecipient.map((c) => c.purpose))];
    return { allowed: false, reason: `The consent for ${request.recipient} allows ${listed(purposes)}, not ${request.purpose}.` };
  }

  const covering = forPurpose.filter((c) => missingInformation(c, request.information).length === 0);
  if (covering.length === 0) {
    const [closest] = [...forPurpose].sort((a, b) => missingInformation(a, request.information).length - missingInformation(b, request.information).length);
    return {
      allowed: false,
      reason: `The consent for ${request.recipient} covers ${listed(closest.information)} only, not ${listed(missingInformation(closest, request.information))}.`,
    };
  }

  // The most recently signed consent speaks first: it is the participant's latest word.
  const newestFirst = [...covering].sort((a, b) => time(b.signedAt) - time(a.signedAt));
  const valid = newestFirst.find((c) => outsideWindow(c, at, day) === undefined);
  if (valid) return { allowed: true, consentId: valid.consentId };
  return { allowed: false, reason: outsideWindow(newestFirst[0], at, day) as string };
};
