import { formatMessage, VIEW_HELPERS } from './view-helpers';

describe('formatMessage', () => {
  it('fills named placeholders', () => {
    expect(formatMessage('{answered} of {required} required answered', { answered: 2, required: 5 })).toBe(
      '2 of 5 required answered',
    );
  });

  it('leaves an unknown placeholder visible and ignores a missing template', () => {
    expect(formatMessage('Saved at {time}', {})).toBe('Saved at {time}');
    expect(formatMessage(undefined, { time: 'now' })).toBe('');
  });

  it('concat joins its arguments without the Handlebars options object', () => {
    expect(VIEW_HELPERS.concat('GS-1', ' — ', 'Title', { hash: {} })).toBe('GS-1 — Title');
  });
});
