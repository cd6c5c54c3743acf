import { enrolmentEventJsonSchemas, enrolmentUpcasterRegistry, ENROLMENT_CONTEXT } from '@alongside/enrolment/contracts';
import type { TransferAccepted, TransferDeclined, TransferRequested } from '@alongside/enrolment/contracts';
import { eventsTopic, jsonSchemaChecks, type ConsumedEvent, type EventConsumerOptions } from '@alongside/platform/messaging-kafka';
import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { EnrolmentConfig } from '../config/enrolment-config';
import type { TransferSaga } from './transfer-saga';

const HEARD = ['TransferRequested', 'TransferAccepted', 'TransferDeclined'] as const;

/** The consumer of enrolment's own topic that drives the transfer saga between sites. */
export const transferSagaConsumer = (
  saga: TransferSaga,
  config: EnrolmentConfig,
  kafka: Kafka,
  database: { connectionString: string; schema: string },
  metrics?: Registry,
): EventConsumerOptions => ({
  name: config.consumerGroup,
  kafka,
  topics: [eventsTopic(ENROLMENT_CONTEXT, config.topicPrefix)],
  handlers: {
    TransferRequested: (event) => saga.heardRequest(event as ConsumedEvent<TransferRequested>),
    TransferAccepted: (event) => saga.heardAnswer(event as ConsumedEvent<TransferAccepted>),
    TransferDeclined: (event) => saga.heardAnswer(event as ConsumedEvent<TransferDeclined>),
  },
  schemas: jsonSchemaChecks(Object.fromEntries(HEARD.map((type) => [type, enrolmentEventJsonSchemas[type]]))),
  upcasters: enrolmentUpcasterRegistry,
  connection: { connectionString: database.connectionString },
  schema: database.schema,
  ...(metrics && { metrics }),
});
