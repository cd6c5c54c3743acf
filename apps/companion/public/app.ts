// The companion page: one participant, their own token, no framework. Check-ins go to an outbox on
// the phone first and are sent from there, so one made offline is sent when the phone is back online,
// and its id (chosen here) makes a second send harmless.
type Claims = { sites: string[]; participantId: string };
type Pending = { checkInId: string; checkedInAt: string; mood: number; craving: number; usedToday: string; note?: string; shareNoteWithMentor?: boolean };
type CheckIn = { checkInId: string; checkedInAt: string; mood: number; craving: number; usedToday: string; note: string | null; noteShared: boolean };
type Companion = {
  startedOn: string | null; newStart: boolean; days: number | null; nextMilestone: number | null; daysToNext: number | null;
  reached: { days: number; reachedOn: string | null }[]; lapsePolicy: string; lastMentorContactAt: string | null; hasMentor: boolean;
  lastContactRequestAt: string | null; lastGroupAttendedOn: string | null; recentCheckIns: CheckIn[]; whatYourMentorSees: string[];
};

const OUTBOX = 'alongside.outbox';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const token = (() => {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    localStorage.setItem('alongside.token', fromLink);
    history.replaceState(null, '', location.pathname);
  }
  return localStorage.getItem('alongside.token') ?? '';
})();
const claims: Claims = token ? JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) : { sites: [], participantId: '' };
const path = `/sites/${encodeURIComponent(claims.sites[0] ?? '')}/participants/${encodeURIComponent(claims.participantId)}`;
const uuid = () => crypto.randomUUID();
const outbox = (): Pending[] => JSON.parse(localStorage.getItem(OUTBOX) ?? '[]');
const saveOutbox = (items: Pending[]) => localStorage.setItem(OUTBOX, JSON.stringify(items));

/** `service` '' is outcomes; 'mentoring' and 'sessions' go through the same origin to those services. */
const call = async (route: string, init: RequestInit = {}, service = '') => {
  const response = await fetch(`/api${service ? `/${service}` : ''}${path}${route}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  return response.json();
};

const dayName = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const longDate = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const USED: Record<string, string> = { yes: 'used today', no: 'did not use', 'rather-not-say': 'rather not say' };
const MOODS = ['', 'very low', 'low', 'okay', 'good', 'very good'];

const setText = (id: string, text: string) => ($(id).textContent = text);

const renderRecent = (recorded: CheckIn[]) => {
  const list = $('recent');
  list.replaceChildren();
  const rows: { c: Pending | CheckIn; pending: boolean }[] = [
    ...outbox().map((c) => ({ c, pending: true })),
    ...recorded.map((c) => ({ c, pending: false })),
  ];
  if (rows.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'Your check-ins will show here.';
    list.append(li);
  }
  for (const { c, pending } of rows) {
    const li = document.createElement('li');
    li.dataset.checkInId = c.checkInId;
    const when = document.createElement('div');
    when.className = 'when';
    when.textContent = dayName(c.checkedInAt);
    const what = document.createElement('div');
    what.textContent = `Mood ${c.mood} (${MOODS[c.mood]}) · craving ${c.craving} of 10 · ${USED[c.usedToday]}`;
    li.append(when, what);
    if (c.note) {
      const note = document.createElement('div');
      note.className = 'quiet';
      note.textContent = `“${c.note}”${'noteShared' in c && c.noteShared ? ' — shared with your mentor' : ''}`;
      li.append(note);
    }
    if (pending) {
      const p = document.createElement('div');
      p.className = 'pending';
      p.textContent = 'Saved on this phone — will be sent when you are back online.';
      li.append(p);
    }
    list.append(li);
  }
};

let lastRecorded: CheckIn[] = [];

const render = (view: Companion) => {
  lastRecorded = view.recentCheckIns;
  if (view.days === null) {
    setText('days', '—');
    setText('since', 'Your start date will show here once your clinician sets it with you.');
  } else {
    setText('days', String(view.days));
    setText('days-label', view.days === 1 ? 'day' : 'days');
    setText('since', view.newStart ? `A new start on ${longDate(view.startedOn ?? '')}. Every day counts.` : `Since ${longDate(view.startedOn ?? '')}.`);
  }
  setText('next', view.nextMilestone !== null && view.daysToNext !== null ? `Next milestone: ${view.nextMilestone} days — ${view.daysToNext} to go.` : '');
  const badges = $('reached');
  badges.replaceChildren(
    ...view.reached.map((r) => {
      const li = document.createElement('li');
      li.textContent = `${r.days} days`;
      li.title = r.reachedOn ? `Reached ${r.reachedOn}` : '';
      return li;
    }),
  );
  setText('policy', view.lapsePolicy);
  setText('mentor', view.hasMentor ? (view.lastMentorContactAt ? `Last time with your mentor: ${dayName(view.lastMentorContactAt)}.` : 'Your mentor is here for you.') : 'You have no mentor matched yet; your clinic can arrange one.');
  setText('groups', view.lastGroupAttendedOn ? `Last group you joined: ${longDate(view.lastGroupAttendedOn)}.` : '');
  if (view.lastContactRequestAt) setText('ask-status', `You asked your mentor to get in touch on ${dayName(view.lastContactRequestAt)}.`);
  $('mentor-sees').replaceChildren(
    ...view.whatYourMentorSees.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    }),
  );
  renderRecent(view.recentCheckIns);
};

type Signal = { kind: string; raisedAt: string; explanation: string };
type Upcoming = { groupName: string; startsAt: string; venue: string | null; topic: string | null };

const item = (when: string, text: string) => {
  const li = document.createElement('li');
  const w = document.createElement('span');
  w.className = 'when';
  w.textContent = when;
  li.append(w, document.createTextNode(text));
  return li;
};

const renderTold = (signals: Signal[]) => {
  const list = $('told');
  list.replaceChildren(...signals.slice(0, 5).map((s) => item(dayName(s.raisedAt), s.explanation)));
  if (signals.length === 0) list.replaceChildren(item('', 'Nothing so far. Your mentor sees your check-ins as they are.'));
};

const renderUpcoming = (sessions: Upcoming[]) => {
  $('upcoming').replaceChildren(...sessions.slice(0, 5).map((s) => item(dayName(s.startsAt), `${s.groupName}${s.venue ? ` · ${s.venue}` : ''}`)));
  if (sessions.length === 0) $('upcoming').replaceChildren(item('', 'No sessions planned yet.'));
};

const refresh = async () => {
  await Promise.all([
    call('/companion').then(render, () => renderRecent(lastRecorded)),
    call('/companion-signals', {}, 'mentoring').then(renderTold, () => undefined),
    call('/upcoming-sessions', {}, 'sessions').then(renderUpcoming, () => undefined),
  ]);
};

const showStatus = (text: string, kind: 'saved' | 'queued' | '') => {
  const el = $('checkin-status');
  el.textContent = text;
  el.className = `status ${kind}`;
};

let flushing = false;
const flush = async (): Promise<'sent' | 'queued' | 'empty'> => {
  if (flushing) return 'queued';
  flushing = true;
  try {
    let queued = false;
    for (const item of outbox()) {
      try {
        await call('/check-ins', { method: 'POST', body: JSON.stringify(item), headers: { 'Idempotency-Key': `check-in-${item.checkInId}` } });
        saveOutbox(outbox().filter((i) => i.checkInId !== item.checkInId));
      } catch (error) {
        // A refusal (4xx) will not get better by retrying; the network being away will.
        const code = (error as { status?: number }).status;
        if (code !== undefined && code >= 400 && code < 500) saveOutbox(outbox().filter((i) => i.checkInId !== item.checkInId));
        else queued = true;
      }
    }
    return queued ? 'queued' : 'sent';
  } finally {
    flushing = false;
  }
};

const showConnection = () => setText('connection', navigator.onLine ? '' : 'Offline');

$('craving').addEventListener('input', () => setText('craving-value', ($('craving') as HTMLInputElement).value));

$('checkin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  if (!data.get('mood') || !data.get('used')) {
    showStatus('Please choose your mood and whether you used today.', '');
    return;
  }
  const note = String(data.get('note') ?? '').trim();
  const item: Pending = {
    checkInId: uuid(),
    checkedInAt: new Date().toISOString(),
    mood: Number(data.get('mood')),
    craving: Number(data.get('craving')),
    usedToday: String(data.get('used')),
    ...(note && { note, shareNoteWithMentor: data.get('share') === 'on' }),
  };
  saveOutbox([...outbox(), item]);
  form.reset();
  setText('craving-value', '0');
  const result = await flush();
  showStatus(result === 'queued' ? 'Saved on this phone. It will be sent when you are back online.' : 'Thank you for checking in.', result === 'queued' ? 'queued' : 'saved');
  await refresh();
});

$('ask').addEventListener('click', async () => {
  try {
    await call('/contact-requests', { method: 'POST', body: JSON.stringify({ requestId: uuid() }) });
    setText('ask-status', 'Your mentor will see that you would like to talk.');
  } catch {
    setText('ask-status', 'That did not go through. Please try again when you are online.');
  }
});

window.addEventListener('online', async () => {
  showConnection();
  if ((await flush()) === 'sent' && outbox().length === 0) showStatus('Back online: your check-ins are sent.', 'saved');
  await refresh();
});
window.addEventListener('offline', () => {
  showConnection();
  renderRecent(lastRecorded);
});

if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
showConnection();
void flush().then(refresh);
