/** The bounded contexts that run as services; each owns a Postgres schema and a Kafka topic. */
export const SERVICE_CONTEXTS = ['enrolment', 'sessions', 'mentoring', 'outcomes'] as const;
export type ServiceContext = (typeof SERVICE_CONTEXTS)[number];

/** Where each service listens by default, so `npm start` and the docs agree. */
export const DEFAULT_PORTS: Readonly<Record<ServiceContext, number>> = {
  enrolment: 3101,
  sessions: 3102,
  mentoring: 3103,
  outcomes: 3104,
};

export const eventsTopicOf = (context: string): string => `alongside.${context}.events`;
