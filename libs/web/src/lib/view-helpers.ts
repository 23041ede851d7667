/** Helpers available in every page template. Output stays escaped: none of these returns SafeString. */
export const VIEW_HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  formatDate: (value: unknown) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : '';
  },
  formatDateTime: (value: unknown) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  },
  percent: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}` : '—'),
};
