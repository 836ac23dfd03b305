import { describe, expect, it } from 'vitest';
import {
  SHIPPED_CALENDAR,
  WORKDAY_MINUTES,
  addWorkingMinutes,
  calendarFrom,
  deadlineState,
  emptyCalendar,
  isWorkday,
  limitMinutes,
  localDate,
  workingMinutesBetween,
} from './working-time.js';

const cal = calendarFrom(SHIPPED_CALENDAR);
/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('working days', () => {
  it('follows the week, the holidays and the make-up workdays', () => {
    expect(isWorkday('2026-11-27', cal)).toBe(true); // Friday
    expect(isWorkday('2026-11-28', cal)).toBe(false); // Saturday
    expect(isWorkday('2026-10-01', cal)).toBe(false); // 国庆, a Thursday
    expect(isWorkday('2026-10-10', cal)).toBe(true); // Saturday worked in exchange (调休)
    expect(isWorkday('2026-02-14', cal)).toBe(true); // Saturday before 春节
    expect(isWorkday('2026-02-16', cal)).toBe(false); // 春节, a Monday
    expect(isWorkday('2025-01-26', cal)).toBe(true); // Sunday worked in 2025
  });

  it('takes the local date in Asia/Shanghai, not UTC', () => {
    // 23:30 UTC on Friday is 07:30 Saturday in Beijing
    expect(localDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
  });
});

describe('adding working time', () => {
  it('stays inside one period when there is room', () => {
    expect(iso(addWorkingMinutes(bj('2026-11-26T09:00'), 120, cal))).toBe('2026-11-26 11:00');
  });

  it('skips the lunch break', () => {
    // 11:00 + 2 h: one hour before noon, one after 13:30
    expect(iso(addWorkingMinutes(bj('2026-11-26T11:00'), 120, cal))).toBe('2026-11-26 14:30');
  });

  it('starts counting at the next working period when reported after hours', () => {
    expect(iso(addWorkingMinutes(bj('2026-11-26T20:00'), 60, cal))).toBe('2026-11-27 09:30');
    expect(iso(addWorkingMinutes(bj('2026-11-26T12:30'), 30, cal))).toBe('2026-11-26 14:00');
  });

  it('skips a weekend', () => {
    // Friday 17:00 + 4 h: one hour on Friday, three on Monday morning
    expect(iso(addWorkingMinutes(bj('2026-11-27T17:00'), 240, cal))).toBe('2026-11-30 11:30');
    // a limit of 2 working days from Friday 10:00 ends Tuesday 10:00
    expect(iso(addWorkingMinutes(bj('2026-11-27T10:00'), limitMinutes(2, 'days'), cal))).toBe(
      '2026-12-01 10:00',
    );
  });

  it('skips a public holiday and counts the make-up workday', () => {
    // Wednesday 30 Sept 2026, 17:00 + 2 h: 1 h that day; 1–7 Oct are holidays, Thu 8 / Fri 9 Oct are workdays
    expect(iso(addWorkingMinutes(bj('2026-09-30T17:00'), 120, cal))).toBe('2026-10-08 09:30');
    // Friday 9 Oct 17:00 + 2 h: Saturday 10 Oct is a make-up workday, so the deadline is Saturday 09:30
    expect(iso(addWorkingMinutes(bj('2026-10-09T17:00'), 120, cal))).toBe('2026-10-10 09:30');
    // without the calendar it would have been Monday
    expect(iso(addWorkingMinutes(bj('2026-10-09T17:00'), 120, emptyCalendar()))).toBe('2026-10-12 09:30');
  });

  it('crosses the nine-day Spring Festival of 2026', () => {
    // Saturday 14 Feb is worked; 15–23 Feb are off; Tuesday 24 Feb resumes
    expect(iso(addWorkingMinutes(bj('2026-02-13T18:00'), WORKDAY_MINUTES + 60, cal))).toBe(
      '2026-02-24 09:30',
    );
  });

  it('refuses negative time', () => {
    expect(() => addWorkingMinutes(new Date(), -1, cal)).toThrow(RangeError);
  });
});

describe('working time between two instants', () => {
  it('counts only working periods and is the inverse of adding', () => {
    const from = bj('2026-09-30T10:15');
    for (const minutes of [0, 1, 45, 200, 480, 481, 2000, 6000]) {
      const to = addWorkingMinutes(from, minutes, cal);
      expect(workingMinutesBetween(from, to, cal)).toBeCloseTo(minutes, 6);
    }
    expect(workingMinutesBetween(bj('2026-10-01T09:00'), bj('2026-10-07T18:00'), cal)).toBe(0);
    expect(workingMinutesBetween(bj('2026-11-28T09:00'), bj('2026-11-27T09:00'), cal)).toBe(0);
  });
});

describe('deadline state', () => {
  const start = bj('2026-11-23T08:30'); // Monday
  const due = addWorkingMinutes(start, 600, cal); // 10 working hours: Tuesday 10:30
  it('is green before 80% of the allowed working time, yellow after, red past the deadline', () => {
    expect(deadlineState(start, due, bj('2026-11-23T14:00'), cal)).toBe('ok');
    // 8 working hours used (all of Monday): exactly 80% → yellow
    expect(deadlineState(start, due, bj('2026-11-23T18:00'), cal)).toBe('warning');
    // the night does not count: still 80%
    expect(deadlineState(start, due, bj('2026-11-24T08:00'), cal)).toBe('warning');
    expect(deadlineState(start, due, bj('2026-11-24T10:31'), cal)).toBe('overdue');
  });
});
