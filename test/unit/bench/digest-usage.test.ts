import { DIGEST_ASSUMPTIONS, digestRunUsage } from '../../../bench/digest-usage';
import { nationalBill } from '../../../bench/national-bill';
import { DIGEST_SHARDS } from '../../../functions/domain/digest-subscriber';
import { capacityModel, NATIONAL_CAPACITY_MODEL } from '../../../lib/capacity-model';

/** The daily digest's bill lines follow the people who receive it, never the units. */
describe("the digest run's usage", () => {
  it('follows the officers, not the organisation', () => {
    const national = digestRunUsage(NATIONAL_CAPACITY_MODEL);
    const moreCells = digestRunUsage(
      capacityModel({ organisation: { cells: NATIONAL_CAPACITY_MODEL.organisation.cells * 10 } }),
    );
    expect(moreCells).toEqual(national);
    const twice = digestRunUsage(capacityModel({ officers: NATIONAL_CAPACITY_MODEL.officers * 2 }));
    expect(twice.readRequestUnits / national.readRequestUnits).toBeCloseTo(2, 1);
    expect(twice.emails).toBe(2 * national.emails);
  });

  it('splits a national run into a few invocations a shard, well within a morning', () => {
    const run = digestRunUsage(NATIONAL_CAPACITY_MODEL);
    expect(run.subscribers).toBe(
      NATIONAL_CAPACITY_MODEL.officers * DIGEST_ASSUMPTIONS.subscriberShare,
    );
    // The starter, the summary, and each shard's slices: never one invocation for the country.
    expect(run.lambdaInvocations).toBeGreaterThanOrEqual(2 + DIGEST_SHARDS);
    expect(run.lambdaInvocations).toBeLessThan(run.subscribers / 100);
    expect(run.minutes).toBeLessThan(60);
  });

  it('is billed by the month, one run a day', () => {
    const bill = nationalBill({
      walk: {
        stateTransitions: 1,
        lambdaInvocations: 1,
        lambdaGbSeconds: 1,
        readRequestUnits: 1,
        writeRequestUnits: 1,
        snsPublishes: 1,
        apiRequests: 1,
      },
      perFunction: {},
      sweepUnitsPerFileInFlight: 1,
    });
    const lines = bill.monthly.filter((l) => l.item.startsWith('daily digest: '));
    expect(lines.map((l) => l.item.replace('daily digest: ', ''))).toEqual([
      'state transitions',
      'Lambda requests',
      'Lambda GB-seconds (arm64)',
      'DynamoDB read request units',
      'DynamoDB write request units',
      'SES e-mails',
    ]);
    const run = digestRunUsage(NATIONAL_CAPACITY_MODEL);
    const emails = lines.find((l) => l.unit === 'e-mails')!;
    expect(emails.quantity).toBeCloseTo((run.emails * 365) / 12, 6);
    expect(emails.usdPerMonth).toBeGreaterThan(0);
  });
});
