import {
  ConflictRetries,
  itemsOf,
  TRANSACTION_CONFLICT_MESSAGE,
  TransactionLedger,
} from '../../../lib/local/transaction-conflicts';

const schemas = { Main: ['PK', 'SK'], Idem: ['id'] };
const key = (pk: string, sk = 'META') => ({ PK: { S: pk }, SK: { S: sk } });
const put = (pk: string, sk = 'META') => ({
  Put: { TableName: 'Main', Item: { ...key(pk, sk), name: { S: 'x' } } },
});
const update = (pk: string, sk = 'META') => ({ Update: { TableName: 'Main', Key: key(pk, sk) } });
const check = (pk: string) => ({ ConditionCheck: { TableName: 'Main', Key: key(pk) } });
const transactWrite = (...items: object[]) => ({ TransactItems: items });

describe('items a request touches', () => {
  it('identifies an item by its table and key attributes only', () => {
    const [a] = itemsOf('PutItem', { TableName: 'Main', Item: put('C#1').Put.Item }, schemas);
    const [b] = itemsOf('UpdateItem', { TableName: 'Main', Key: key('C#1') }, schemas);
    const [c] = itemsOf('DeleteItem', { TableName: 'Main', Key: key('C#1', 'EVT#1') }, schemas);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(itemsOf('UpdateItem', { TableName: 'Idem', Key: key('C#1') }, schemas)).toHaveLength(1);
    expect(
      itemsOf('TransactWriteItems', transactWrite(put('A'), update('B'), check('C')), schemas),
    ).toHaveLength(3);
    expect(itemsOf('GetItem', { TableName: 'Main', Key: key('A') }, schemas)).toEqual([]);
  });
});

describe('transaction ledger', () => {
  it('cancels the later of two write transactions on one item, naming the item', () => {
    const ledger = new TransactionLedger(schemas);
    const first = ledger.admit('TransactWriteItems', transactWrite(update('A'), put('COUNTER')));
    expect(first.conflict).toBeUndefined();
    const second = ledger.admit('TransactWriteItems', transactWrite(put('B'), update('COUNTER')));
    expect(second.conflict).toEqual({
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        Message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
        CancellationReasons: [
          { Code: 'None' },
          { Code: 'TransactionConflict', Message: TRANSACTION_CONFLICT_MESSAGE },
        ],
      },
    });
    expect(ledger.counts.transactionsCanceled).toBe(1);
    // Once the first has answered, the same transaction goes through.
    first.release!({ status: 200 });
    expect(ledger.held()).toEqual([]);
    expect(
      ledger.admit('TransactWriteItems', transactWrite(put('B'), update('COUNTER'))).conflict,
    ).toBeUndefined();
  });

  it('lets transactions on different items run together', () => {
    const ledger = new TransactionLedger(schemas);
    expect(ledger.admit('TransactWriteItems', transactWrite(put('A'))).conflict).toBeUndefined();
    expect(ledger.admit('TransactWriteItems', transactWrite(put('B'))).conflict).toBeUndefined();
    expect(ledger.held()).toHaveLength(2);
  });

  it('refuses a single-item write to an item a transaction holds, and only that', () => {
    const ledger = new TransactionLedger(schemas);
    const tx = ledger.admit('TransactWriteItems', transactWrite(update('A')));
    const refused = ledger.admit('UpdateItem', { TableName: 'Main', Key: key('A') });
    expect(refused.conflict?.body).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionConflictException',
      message: TRANSACTION_CONFLICT_MESSAGE,
    });
    expect(ledger.admit('PutItem', { TableName: 'Main', Item: put('B').Put.Item }).conflict).toBe(
      undefined,
    );
    // Reads never conflict; a single write holds nothing.
    expect(ledger.admit('GetItem', { TableName: 'Main', Key: key('A') }).conflict).toBeUndefined();
    ledger.admit('UpdateItem', { TableName: 'Main', Key: key('C') });
    expect(ledger.admit('TransactWriteItems', transactWrite(update('C'))).conflict).toBeUndefined();
    tx.release!({ status: 200 });
    expect(ledger.admit('DeleteItem', { TableName: 'Main', Key: key('A') }).conflict).toBe(
      undefined,
    );
    expect(ledger.counts.writesRefused).toBe(1);
  });

  it('cancels a read transaction that meets a write, before or while it runs', () => {
    const ledger = new TransactionLedger(schemas);
    const get = (pk: string) => ({ Get: { TableName: 'Main', Key: key(pk) } });
    const tx = ledger.admit('TransactWriteItems', transactWrite(update('A')));
    const blocked = ledger.admit('TransactGetItems', { TransactItems: [get('B'), get('A')] });
    expect(blocked.conflict?.body.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'TransactionConflict', Message: TRANSACTION_CONFLICT_MESSAGE },
    ]);
    tx.release!({ status: 200 });

    const reading = ledger.admit('TransactGetItems', { TransactItems: [get('A'), get('B')] });
    expect(reading.conflict).toBeUndefined();
    ledger.admit('PutItem', { TableName: 'Main', Item: put('A').Put.Item });
    const answered = reading.release!({ status: 200 });
    expect(answered?.body.CancellationReasons).toEqual([
      { Code: 'TransactionConflict', Message: TRANSACTION_CONFLICT_MESSAGE },
      { Code: 'None' },
    ]);
  });

  it('holds items for a test until released, as an endless transaction would', () => {
    const ledger = new TransactionLedger(schemas);
    const release = ledger.hold('Main', [key('A')]);
    expect(ledger.admit('UpdateItem', { TableName: 'Main', Key: key('A') }).conflict).toBeDefined();
    release();
    expect(ledger.held()).toEqual([]);
  });
});

describe('conflict retries', () => {
  it('counts a conflicted body that comes back, once per return', () => {
    const retries = new ConflictRetries(2);
    retries.arrived('{"a":1}');
    expect(retries.retried).toBe(0);
    retries.conflicted('{"a":1}');
    retries.arrived('{"a":1}');
    retries.arrived('{"a":1}');
    expect(retries.retried).toBe(1);
    // Bounded: the oldest forgotten first.
    retries.conflicted('1');
    retries.conflicted('2');
    retries.conflicted('3');
    retries.arrived('1');
    retries.arrived('3');
    expect(retries.retried).toBe(2);
  });
});
