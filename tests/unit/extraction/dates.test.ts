// Claim dates and forecast deadlines relative to the publication date (2024-10-25 is a Friday).
import { describe, expect, it } from 'vitest';
import { claimDates } from '../../../main/extraction/dates';

const PUBLISHED = '2024-10-25';

describe('claimDates', () => {
  it('dates a statement to the weekday it was made, on or before publication', () => {
    expect(claimDates('the talks failed', 'the minister said Friday', PUBLISHED).date).toBe('2024-10-25');
    expect(claimDates('the talks failed', 'the minister said on Tuesday', PUBLISHED).date).toBe('2024-10-22');
    expect(claimDates('prices rose', 'he said yesterday', PUBLISHED).date).toBe('2024-10-24');
  });

  it('uses explicit dates, taking last year for a past date later in the calendar', () => {
    expect(claimDates('the vote took place on March 3, 2023', '', PUBLISHED).date).toBe('2023-03-03');
    expect(claimDates('the strike began on 30 November', '', PUBLISHED).date).toBe('2023-11-30');
  });

  it('falls back to the publication date', () => {
    expect(claimDates('the economy grew 2 percent', '', PUBLISHED)).toEqual({ date: PUBLISHED, resolveBy: null });
  });

  it('gives forecasts a resolve-by date', () => {
    expect(claimDates('they could be sent into battle as early as Sunday', '', PUBLISHED).resolveBy).toBe('2024-10-27');
    expect(claimDates('the bridge will reopen next month', '', PUBLISHED).resolveBy).toBe('2024-11-30');
    expect(claimDates('inflation will fall within three months', '', PUBLISHED).resolveBy).toBe('2025-01-23');
    expect(claimDates('the plant will be finished by the end of the year', '', PUBLISHED).resolveBy).toBe('2024-12-31');
    expect(claimDates('the ban will take effect on January 15', '', PUBLISHED).resolveBy).toBe('2025-01-15');
    expect(claimDates('emissions will halve by 2030', '', PUBLISHED).resolveBy).toBe('2030-12-31');
  });

  it('does not invent deadlines for statements without a time frame', () => {
    expect(claimDates('it will be an act conforming with international law', '', PUBLISHED).resolveBy).toBeNull();
  });

  it('without a publication date resolves only explicit dates', () => {
    expect(claimDates('the strike began on 30 November 2023', '', null).date).toBe('2023-11-30');
    expect(claimDates('the talks failed', 'he said Friday', null)).toEqual({ date: null, resolveBy: null });
  });
});
