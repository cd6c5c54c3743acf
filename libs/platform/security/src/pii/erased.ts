import { RuleViolated } from '@alongside/platform/event-sourcing';

/** What a PII field reads as once its participant's key was deleted (crypto-shredding). */
export type Erased = Readonly<{ erased: true }>;

export const ERASED: Erased = Object.freeze({ erased: true });

export const isErased = (value: unknown): value is Erased =>
  typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true;

export class ParticipantErased extends RuleViolated {
  constructor() {
    super("This person's personal details were erased at their request; new personal details cannot be recorded on the same record.");
  }
}
