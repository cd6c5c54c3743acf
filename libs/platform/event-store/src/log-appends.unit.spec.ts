import { IdleWait, type AnnouncesAppends } from './log-appends';

/** A log whose appends the test announces, as the service runtime's store does after each commit. */
const announcingLog = () => {
  const listeners = new Set<() => void>();
  const log: AnnouncesAppends = {
    onAppend: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { log, listeners, append: () => listeners.forEach((listener) => listener()) };
};

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('IdleWait', () => {
  afterEach(() => jest.useRealTimers());

  it('ends the wait as soon as this process appends to the log', async () => {
    jest.useFakeTimers();
    const { log, append } = announcingLog();
    const wait = new IdleWait(log);
    wait.reading();
    const waiting = wait.idle(60_000, new AbortController().signal);
    expect(await settled(waiting)).toBe(false);
    append();
    expect(await settled(waiting)).toBe(true);
  });

  it('does not wait when an append was heard while the log was being read', async () => {
    jest.useFakeTimers();
    const { log, append } = announcingLog();
    const wait = new IdleWait(log);
    wait.reading();
    append();
    expect(await settled(wait.idle(60_000, new AbortController().signal))).toBe(true);
  });

  it('waits the whole poll for an append heard before the read began: the read saw it', async () => {
    jest.useFakeTimers();
    const { log, append } = announcingLog();
    const wait = new IdleWait(log);
    append();
    wait.reading();
    const waiting = wait.idle(60_000, new AbortController().signal);
    jest.advanceTimersByTime(59_999);
    expect(await settled(waiting)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(waiting)).toBe(true);
  });

  it('polls alone when the store does not announce its appends', async () => {
    jest.useFakeTimers();
    const wait = new IdleWait({});
    wait.reading();
    const waiting = wait.idle(100, new AbortController().signal);
    expect(await settled(waiting)).toBe(false);
    jest.advanceTimersByTime(100);
    expect(await settled(waiting)).toBe(true);
  });

  it('ends the wait on a stop', async () => {
    jest.useFakeTimers();
    const stopping = new AbortController();
    const wait = new IdleWait(announcingLog().log);
    const waiting = wait.idle(60_000, stopping.signal);
    stopping.abort();
    expect(await settled(waiting)).toBe(true);
  });

  it('stops listening when closed', () => {
    const { log, listeners } = announcingLog();
    const wait = new IdleWait(log);
    expect(listeners.size).toBe(1);
    wait.close();
    expect(listeners.size).toBe(0);
  });
});
