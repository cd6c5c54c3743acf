/** How figures read on the page: plain words for missing values, one decimal where it helps. */
export const whole = (value: number | null | undefined): string => (value == null ? '—' : Math.round(value).toLocaleString('en'));

export const decimal = (value: number | null | undefined, digits = 1): string =>
  value == null ? '—' : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const percent = (share: number | null | undefined): string => (share == null ? '—' : `${Math.round(share * 100)}%`);

export const pValue = (p: number | null): string => (p == null ? 'not testable' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

export const words = (code: string): string => code.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const time = (at: Date): string => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
