import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../shared/phone.js';
import { generateDemoGrids } from '../grids/grids.demo-data.js';
import { COMMERCIAL_CODE, GAP_SHARE, generateDemoStaff, LINKED_MICRO } from './staff.demo-data.js';

const grids = generateDemoGrids(410103);
const accounts = [
  { username: 'grid1', communityCode: '410103001001' },
  { username: 'grid2', communityCode: '410103002001' },
];
const staff = generateDemoStaff(grids, seedrandom('410103:staff'), accounts);
const micro = grids.filter((g) => g.kind === 'base' && g.level === 4);
const level3 = grids.filter((g) => g.kind === 'base' && g.level === 3);

describe('demo staff', () => {
  it('is deterministic: the same seed gives the same people and assignments', () => {
    expect(generateDemoStaff(grids, seedrandom('410103:staff'), accounts)).toEqual(staff);
    expect(generateDemoStaff(grids, seedrandom('other'), accounts).people).not.toEqual(staff.people);
  });

  it('leaves a small, seeded share of the base micro-grids without a worker, and staffs the rest', () => {
    const withWorker = new Set(staff.assignments.filter((a) => a.role === 'worker').map((a) => a.gridCode));
    const gaps = micro.filter((g) => !withWorker.has(g.code)).map((g) => g.code);
    expect(gaps).toEqual(staff.gaps);
    expect(gaps.length).toBe(Math.round(micro.length * GAP_SHARE));
    expect(gaps.length).toBeGreaterThan(100);
    expect(gaps.length / micro.length).toBeLessThan(0.03);
  });

  it('gives every worker of a base micro-grid the six duties, and some people serve two neighbouring grids', () => {
    const workers = staff.assignments.filter((a) => a.role === 'worker' && a.agency === 'community');
    expect(workers.every((a) => a.duties.length === 6)).toBe(true);
    const grids = new Map<number, string[]>();
    for (const a of workers) grids.set(a.person, [...(grids.get(a.person) ?? []), a.gridCode]);
    const pairs = [...grids.values()].filter((codes) => codes.length === 2);
    expect(pairs.length).toBeGreaterThan(300);
    // neighbours: siblings under one level-3 grid (micro codes are the level-3 code plus 2 digits)
    expect(pairs.every(([a, b]) => a?.slice(0, 15) === b?.slice(0, 15))).toBe(true);
    expect([...grids.values()].every((codes) => codes.length <= 2)).toBe(true);
  });

  it('has a leader for every base level-3 grid', () => {
    const led = new Set(staff.assignments.filter((a) => a.role === 'leader').map((a) => a.gridCode));
    expect(level3.filter((g) => !led.has(g.code))).toEqual([]);
  });

  it('staffs the commercial district with a multi-agency team of nearly 500', () => {
    const team = staff.assignments.filter((a) => a.gridCode.startsWith(COMMERCIAL_CODE));
    const people = new Set(team.map((a) => a.person));
    expect(people.size).toBeGreaterThanOrEqual(480);
    expect(people.size).toBeLessThan(500);
    const agencies = new Set(team.map((a) => a.agency));
    for (const agency of ['police', 'urban_management', 'patrol', 'mall_security']) {
      expect(agencies.has(agency as never), agency).toBe(true);
    }
    const commercialMicro = grids.filter((g) => g.code.startsWith(COMMERCIAL_CODE) && g.level === 4);
    const workers = new Set(team.filter((a) => a.role === 'worker').map((a) => a.gridCode));
    expect(commercialMicro.every((g) => workers.has(g.code))).toBe(true);
  });

  it('links grid1 and grid2 to a person serving micro-grids of their own community', () => {
    for (const account of accounts) {
      const person = staff.people.findIndex((p) => p.username === account.username);
      expect(person).toBeGreaterThanOrEqual(0);
      const served = staff.assignments.filter((a) => a.person === person).map((a) => a.gridCode);
      expect(served).toHaveLength(LINKED_MICRO);
      const community = new Map(grids.map((g) => [g.code, g.placeCode]));
      expect(served.every((code) => community.get(code) === account.communityCode)).toBe(true);
      expect(served.filter((code) => staff.gaps.includes(code))).toEqual([]);
    }
  });

  it('draws realistic names and distinct, valid mobile numbers', () => {
    expect(staff.people.length).toBeGreaterThan(6500);
    expect(staff.people.every((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toBe(true);
    expect(staff.people.every((p) => parsePhone(p.phone).ok && /^1\d{10}$/.test(p.phone))).toBe(true);
    expect(new Set(staff.people.map((p) => p.phone)).size).toBe(staff.people.length);
    expect(staff.assignments.every((a) => a.startedOn >= '2019-01-01' && a.startedOn <= '2026-06-30')).toBe(
      true,
    );
  });
});
