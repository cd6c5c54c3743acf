/**
 * The global position of the newest event in the log, for lag ("events behind the head"). The
 * EventStore port reads the log but does not say where it ends, so whoever wires a relay or a
 * projection runner passes this in (the Postgres adapter answers it from its index).
 */
export type LogHead = () => Promise<bigint>;
