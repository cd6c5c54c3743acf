import type { DashboardFacets, DashboardFilters } from '@alongside/outcomes/contracts';
import { ApiProblem, OutcomesApi, type ViewKind, type ViewOf } from './api.js';
import { time } from './format.js';
import { forget, keep, sessionFrom, SignInRefused, storedSession, type Session } from './session.js';
import { engagementPanel } from './views/engagement-panel.js';
import { relapsePanel } from './views/relapse-panel.js';
import { retentionPanel } from './views/retention-panel.js';
import { wellbeingPanel } from './views/wellbeing-panel.js';

/** How often the page asks whether its site's figures moved: cheap, one indexed row. */
const POLL_MS = 1_000;
const KINDS: readonly ViewKind[] = ['retention', 'relapse', 'engagement', 'wellbeing'];

const panels: { [K in ViewKind]: (view: ViewOf[K]) => Node[] } = {
  retention: retentionPanel,
  relapse: relapsePanel,
  engagement: engagementPanel,
  wellbeing: wellbeingPanel,
};

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}`);
  return node as T;
};

type State = {
  session: Session;
  api: OutcomesApi;
  siteId: string;
  kind: ViewKind;
  filters: DashboardFilters;
  version: string | null;
  timer: number | null;
  loading: boolean;
  /** Something changed while drawing (a filter, a tab, the site): draw again once done. */
  again: boolean;
};
let state: State | null = null;

const signInForm = byId<HTMLFormElement>('sign-in-form');
const tokenField = byId<HTMLTextAreaElement>('token');
const tokenError = byId<HTMLParagraphElement>('token-error');
const sitePicker = byId<HTMLSelectElement>('site-picker');
const filtersForm = byId<HTMLFormElement>('filters');
const liveStatus = byId<HTMLParagraphElement>('live-status');
const viewError = byId<HTMLParagraphElement>('view-error');

const showSignedIn = (signedIn: boolean) => {
  byId('sign-in').hidden = signedIn;
  byId('dashboard').hidden = !signedIn;
  byId('session').hidden = !signedIn;
};

const start = (session: Session) => {
  keep(session);
  sitePicker.replaceChildren(...session.sites.map((site) => new Option(site, site)));
  byId('who').textContent = `${session.sub} · ${session.roles.join(', ')}`;
  state = { session, api: new OutcomesApi(session.token), siteId: session.sites[0], kind: 'retention', filters: {}, version: null, timer: null, loading: false, again: false };
  showSignedIn(true);
  void switchSite(session.sites[0]);
  byId<HTMLElement>('main').focus();
};

const stop = () => {
  if (state?.timer) window.clearInterval(state.timer);
  state = null;
  forget();
  showSignedIn(false);
  tokenField.value = '';
  tokenField.focus();
};

const fillSelect = (select: HTMLSelectElement, values: readonly string[]) => {
  const first = select.options[0];
  const chosen = select.value;
  select.replaceChildren(first, ...values.map((v) => new Option(v, v)));
  select.value = values.includes(chosen) ? chosen : '';
};

const applyFacets = (facets: DashboardFacets) => {
  fillSelect(byId<HTMLSelectElement>('filter-programme'), facets.programmes);
  fillSelect(byId<HTMLSelectElement>('filter-level'), facets.levelsOfCare);
  fillSelect(byId<HTMLSelectElement>('filter-cohort'), facets.cohorts);
};

const switchSite = async (siteId: string) => {
  if (!state) return;
  state.siteId = siteId;
  state.version = null;
  sitePicker.value = siteId;
  byId('site-name').textContent = siteId;
  document.title = `Alongside — outcomes at ${siteId}`;
  await refresh();
  if (state.timer) window.clearInterval(state.timer);
  state.timer = window.setInterval(() => void poll(), POLL_MS);
};

const readFilters = (): DashboardFilters => {
  const filters: Record<string, string> = {};
  for (const field of Array.from(filtersForm.elements)) {
    if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.name && field.value) filters[field.name] = field.value;
  }
  return filters as DashboardFilters;
};

/** Draws the chosen view from fresh figures; the page keeps what it showed if the call fails. */
const refresh = async () => {
  if (!state) return;
  if (state.loading) {
    state.again = true;
    return;
  }
  const { api, siteId, kind, filters } = state;
  state.loading = true;
  byId('dashboard').setAttribute('aria-busy', 'true');
  try {
    // The version first: the figures read after it are at least that new, so a change landing
    // in between is seen by the next poll instead of being marked as drawn.
    const version = await api.version(siteId);
    const [facets, view] = await Promise.all([api.facets(siteId), api.view(siteId, kind, filters)]);
    if (!state || state.siteId !== siteId || state.kind !== kind || state.filters !== filters) {
      if (state) state.again = true;
      return;
    }
    applyFacets(facets);
    const panel = byId(`panel-${kind}`);
    panel.replaceChildren(...(panels[kind] as (v: ViewOf[typeof kind]) => Node[])(view));
    panel.dataset.version = version.version;
    state.version = version.version;
    viewError.textContent = '';
    liveStatus.classList.remove('stale');
    liveStatus.textContent = `Live — updated ${time(new Date())}`;
  } catch (error) {
    report(error);
  } finally {
    byId('dashboard').removeAttribute('aria-busy');
    if (state) {
      state.loading = false;
      if (state.again) {
        state.again = false;
        void refresh();
      }
    }
  }
};

const poll = async () => {
  if (!state || state.loading) return;
  try {
    const { version } = await state.api.version(state.siteId);
    liveStatus.classList.remove('stale');
    if (version !== state.version) await refresh();
  } catch (error) {
    report(error);
  }
};

const report = (error: unknown) => {
  if (error instanceof ApiProblem && error.status === 401) {
    stop();
    tokenError.textContent = 'Your session has ended (the token was refused or expired). Sign in again.';
    return;
  }
  liveStatus.classList.add('stale');
  liveStatus.textContent = 'Not live: the service cannot be reached. Retrying…';
  if (error instanceof ApiProblem) viewError.textContent = error.message;
};

const selectTab = (kind: ViewKind, focus = false) => {
  if (!state) return;
  state.kind = kind;
  for (const other of KINDS) {
    const tab = byId<HTMLButtonElement>(`tab-${other}`);
    const selected = other === kind;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    byId(`panel-${other}`).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  void refresh();
};

signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    tokenError.textContent = '';
    start(sessionFrom(tokenField.value));
  } catch (error) {
    tokenError.textContent = error instanceof SignInRefused ? error.message : 'That token could not be used.';
    tokenField.focus();
  }
});

byId('sign-out').addEventListener('click', stop);
sitePicker.addEventListener('change', () => void switchSite(sitePicker.value));

filtersForm.addEventListener('change', () => {
  if (!state) return;
  state.filters = readFilters();
  void refresh();
});
filtersForm.addEventListener('reset', () => {
  // The form clears its fields after this event; read them once it has.
  window.setTimeout(() => {
    if (!state) return;
    state.filters = {};
    void refresh();
  });
});

KINDS.forEach((kind, index) => {
  const tab = byId<HTMLButtonElement>(`tab-${kind}`);
  tab.addEventListener('click', () => selectTab(kind));
  // Arrow keys move between tabs, Home and End to the ends (WAI-ARIA tabs pattern).
  tab.addEventListener('keydown', (event) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: KINDS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectTab(KINDS[(moves[event.key] + KINDS.length) % KINDS.length], true);
  });
});

const resumed = storedSession();
if (resumed) start(resumed);
else showSignedIn(false);
