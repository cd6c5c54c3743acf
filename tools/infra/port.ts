// A TCP probe: the cheapest way to tell "nothing listens here" from "something does".
import net from 'node:net';

/**
 * On 127.0.0.1 a closed port refuses at once. A probe that times out is read as "open": it happens
 * when our own event loop is stalled (jest compiling modules in the same process), and taking a
 * running server for an absent one would start a second server on its data (it once corrupted the
 * broker's metadata log). The caller then checks what answers.
 */
export const isPortOpen = (port: number, host = '127.0.0.1', timeoutMs = 2_000): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export const portFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`${name}=${raw} is not a TCP port`);
  return port;
};
