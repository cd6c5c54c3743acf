// The part of autocannon's API the http-command case uses (the package ships no types, and
// @types/autocannon would be a dependency for four fields).
declare module 'autocannon' {
  type Options = Readonly<{
    url: string;
    method?: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    body?: string;
  }>;
  type Result = Readonly<{ requests: { total: number }; non2xx: number; errors: number }>;
  type Instance = PromiseLike<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
  };
  const autocannon: (options: Options) => Instance;
  export default autocannon;
}
