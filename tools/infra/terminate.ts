// Stopping a server process we only know by pid (it may have been started by another process):
// ask politely, then insist, and only return once it is gone.

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const exited = async (pid: number, withinMs: number): Promise<boolean> => {
  const deadline = Date.now() + withinMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
};

/**
 * SIGTERM lets the JVM run its shutdown hooks (Kafka closes its logs cleanly, so the next start
 * needs no recovery); SIGKILL after `graceMs` makes sure no server outlives a stop.
 */
export const terminate = async (pid: number, graceMs: number): Promise<'exited' | 'killed'> => {
  if (!isAlive(pid)) return 'exited';
  process.kill(pid, 'SIGTERM');
  if (await exited(pid, graceMs)) return 'exited';
  process.kill(pid, 'SIGKILL');
  await exited(pid, 5_000);
  return 'killed';
};
