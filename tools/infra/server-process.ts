// Finding a server process we did not necessarily start ourselves (CLI `stop` runs in a new
// process), by its pid file and, if that is missing or stale, by its command line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './terminate';

export const writePid = (file: string, pid: number): void => fs.writeFileSync(file, `${pid}\n`);

export const removePid = (file: string): void => fs.rmSync(file, { force: true });

const commandLines = (): Map<number, string> => {
  try {
    const listing = execFileSync('ps', ['-eww', '-o', 'pid=,args='], { encoding: 'utf8' });
    return new Map(
      listing
        .split('\n')
        .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [Number(match[1]), match[2]]),
    );
  } catch {
    return new Map();
  }
};

export type ServerProcess = { pid: number; commandLine: string };

/**
 * The live `executable` process whose arguments contain every part of `signature` (include a path
 * unique to this checkout, so another checkout's server is never touched). The pid file is only a hint: after
 * a reboot its number may belong to an unrelated process, and a killed run may have left none.
 */
export const findServerProcess = (
  pidFile: string,
  executable: string,
  signature: string[],
): ServerProcess | undefined => {
  const matches = (commandLine: string | undefined) =>
    commandLine !== undefined &&
    path.basename(commandLine.split(/\s+/)[0]) === executable &&
    signature.every((part) => commandLine.includes(part));
  const running = commandLines();
  let hinted: number | undefined;
  try {
    hinted = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    hinted = undefined;
  }
  const hintedLine = hinted ? running.get(hinted) : undefined;
  if (hinted && hintedLine && isAlive(hinted) && matches(hintedLine))
    return { pid: hinted, commandLine: hintedLine };
  for (const [pid, commandLine] of running)
    if (pid !== process.pid && matches(commandLine)) return { pid, commandLine };
  return undefined;
};
