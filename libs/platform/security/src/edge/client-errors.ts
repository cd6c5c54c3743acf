import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_JSON, problemTitle, problemType, type ProblemDetails } from './problem-details';

// What Node's HTTP parser refuses before any route, guard or filter runs, and the status Node
// itself would give it; anything else it cannot parse is a 400.
const STATUS_OF_PARSER_ERROR: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431, // the URL and headers over Node's 16 KB
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const DETAIL: Readonly<Record<number, string>> = {
  431: 'The request line and headers together exceed 16 KB: shorten the query or the headers.',
  413: 'A chunk extension of the request body is too large.',
  408: 'The request did not arrive in time.',
  400: 'The request is not well-formed HTTP.',
};

/** The bytes of a problem+json response written straight to the socket (no Nest, no Express). */
export const clientErrorResponse = (code: string | undefined): string => {
  const status = STATUS_OF_PARSER_ERROR[code ?? ''] ?? 400;
  const problem: ProblemDetails = {
    type: problemType(status),
    title: problemTitle(status),
    status,
    detail: DETAIL[status],
    correlationId: randomUUID(),
  };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${problem.title}`,
    `Content-Type: ${PROBLEM_JSON}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
};

/**
 * Requests Node refuses before the app sees them (a query string of 20 KB, a broken request line)
 * are answered as problem+json like every other refusal, instead of Node's bare status line that a
 * client cannot tell from a proxy's. The socket is closed after the answer, as Node would.
 */
export const answerClientErrorsAsProblems = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client gone already (reset, half-written request) has nobody to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error.code));
  });
};
