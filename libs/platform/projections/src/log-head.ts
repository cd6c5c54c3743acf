/**
 * The global position of the newest event in the log, for lag. The EventStore port reads the log
 * but does not say where it ends, so whoever wires the runner passes this in.
 */
export type LogHead = () => Promise<bigint>;
