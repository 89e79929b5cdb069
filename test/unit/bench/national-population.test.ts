import { ledgerTransactUpdates } from '../../../functions/adapters/quota-ledger-items';
import { countersEarnedBy } from '../../../functions/domain/quota/counter-keys';
import { actorOf } from '../../../functions/domain/caller';
import { readRow } from '../../../functions/domain/onboarding/rows';
import { replayedRow } from '../../../functions/services/onboard-candidates';
import { applyUpdate } from '../../../bench/national/batch-writes';
import {
  nationalOrganisation,
  sizeFromModel,
  unitsOfPlace,
} from '../../../bench/national/organisation';
import { populationSampler, SEEDED_STAGES, stageShares } from '../../../bench/national/population';
import { WAITING_DAYS } from '../../../bench/cost-model';
import { answerBody } from '../../../bench/walk';
import { NATIONAL_CAPACITY_MODEL } from '../../../lib/capacity-model';

const org = nationalOrganisation(sizeFromModel(NATIONAL_CAPACITY_MODEL));
const TODAY = '2026-12-06';

describe('the seeded population', () => {
  it('spreads the files over the stages in proportion to how long each waits', () => {
    const shares = stageShares();
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(shares.ADMISSION_DECISION / shares.NOMINATED).toBeCloseTo(
      WAITING_DAYS.ADMISSION_DECISION.days / WAITING_DAYS.NOMINATED.days,
      10,
    );
    const candidateOf = populationSampler(org, TODAY);
    const counts: Record<string, number> = {};
    const draws = 5_000;
    for (let serial = 1; serial <= draws; serial++) {
      const { stage } = candidateOf(serial);
      counts[stage] = (counts[stage] ?? 0) + 1;
    }
    for (const stage of SEEDED_STAGES) {
      const expected = shares[stage] * draws;
      expect(Math.abs(counts[stage] - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('gives the same person for a serial, and distinct people for distinct serials', () => {
    const a = populationSampler(org, TODAY);
    const b = populationSampler(org, TODAY);
    expect(a(1234)).toEqual(b(1234));
    const ids = new Set(Array.from({ length: 2_000 }, (_, i) => a(i + 1).row.nationalId));
    expect(ids.size).toBe(2_000);
  });

  it('writes rows the onboarding replay accepts at every stage, in the past of today', () => {
    const candidateOf = populationSampler(org, TODAY);
    const seen = new Set<string>();
    const context = {
      file: { fileName: 'f.csv', sha256: 'x', rows: [] },
      today: TODAY,
      now: new Date(`${TODAY}T03:00:00Z`),
      actor: actorOf({ userId: 'b', name: 'Bench', roles: ['admin'], unitId: 'x' }, 'admin'),
      deps: { fingerprintKey: Buffer.alloc(32, 7) },
    };
    for (let serial = 1; seen.size < SEEDED_STAGES.length && serial < 500; serial++) {
      const seeded = candidateOf(serial);
      if (seen.has(seeded.stage)) continue;
      seen.add(seeded.stage);
      const cell = unitsOfPlace(seeded.place)[1];
      const { candidate, events } = replayedRow(
        context,
        readRow({ line: serial, cells: seeded.row }),
        cell,
      ).replay();
      expect(candidate.stage).toBe(seeded.stage);
      expect(candidate.unitPath).toEqual(cell.path);
      expect(candidate.stageEnteredAt.slice(0, 10) < TODAY).toBe(true);
      expect(events.length).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual([...SEEDED_STAGES].sort());
  });
});

describe('merging the store’s ledger updates', () => {
  it('leaves what the updates would have left one by one', () => {
    const path = ['hue', 'hue-x1'];
    const nominate = (id: string) =>
      ledgerTransactUpdates('T', id, path, {
        counters: countersEarnedBy(null, 'NOMINATED', '2026-11-02', path),
        gauges: [{ unitId: 'hue-x1', stage: 'NOMINATED', month: '2026-11', delta: 1 }],
      }).map((u) => u.Update);
    const [first] = nominate('c1').filter((u) => u.Key.PK === 'LEDGER#hue-x1');
    let item = applyUpdate(undefined, first);
    item = applyUpdate(item, first);
    // Keys and counts only; the ADD of each attribute summed.
    expect(item).toEqual({ PK: 'LEDGER#hue-x1', SK: first.Key.SK, n: 2, NO: 2 });
  });

  it('refuses an update it does not understand rather than guess', () => {
    expect(() =>
      applyUpdate(undefined, {
        Key: { PK: 'a', SK: 'b' },
        UpdateExpression: 'SET #a = if_not_exists(#a, :zero)',
        ExpressionAttributeNames: { '#a': 'a' },
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    ).toThrow(/Unsupported SET/);
  });
});

describe('answerBody', () => {
  it('parses JSON, keeps other text and objects as they came, never throws', () => {
    expect(answerBody('{"code":"X"}')).toEqual({ code: 'X' });
    expect(answerBody('Internal Server Error')).toBe('Internal Server Error');
    expect(answerBody({ code: 'ALREADY' })).toEqual({ code: 'ALREADY' });
    expect(answerBody('')).toBeUndefined();
  });
});
