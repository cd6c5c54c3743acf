const COLOURS = [36, 33, 35, 32, 34, 31];
const colourOf = new Map<string, number>();
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** `[outcomes] info  listening on …`: a pino JSON line made readable, anything else passed through. */
export const prefixLine = (name: string, line: string): string => {
  if (!colourOf.has(name)) colourOf.set(name, COLOURS[colourOf.size % COLOURS.length]);
  const tag = process.stdout.isTTY ? `\x1b[${colourOf.get(name)}m[${name}]\x1b[0m` : `[${name}]`;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; req?: { method?: string; url?: string }; res?: { statusCode?: number }; responseTime?: number };
    const level = (LEVELS[entry.level ?? 30] ?? 'info').padEnd(5);
    const request = entry.req && entry.res ? ` ${entry.req.method} ${entry.req.url} ${entry.res.statusCode} ${entry.responseTime}ms` : '';
    return `${tag} ${level} ${entry.msg ?? ''}${request}`;
  } catch {
    return `${tag} ${line}`;
  }
};
