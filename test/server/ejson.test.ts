/** The EJSON codec against what the SDK (bson's EJSON.stringify, canonical) sends and reads. */
import { decode, EjsonError, encode, parse, stringify } from '../../server/ejson';

const now = Date.UTC(2024, 0, 1);

it('decodes the canonical wrappers the SDK sends', () => {
  const text = JSON.stringify({
    i: { $numberInt: '7' },
    d: { $numberDouble: '1.5' },
    nan: { $numberDouble: 'NaN' },
    l: { $numberLong: '1099511627776' },
    at: { $date: { $numberLong: '-1000' } },
    iso: { $date: '2020-01-01T00:00:00Z' },
    re: { $regularExpression: { pattern: '^a', options: 'gi' } },
    oid: { $oid: '5f1234567890abcdef123456' },
    list: [{ $numberInt: '1' }, 'x'],
  });
  const value = parse(text, { now });
  expect(value).toEqual({
    i: 7,
    d: 1.5,
    nan: NaN,
    l: 1099511627776,
    at: new Date(-1000),
    iso: new Date('2020-01-01T00:00:00Z'),
    re: /^a/i,
    oid: '5f1234567890abcdef123456',
    list: [1, 'x'],
  });
});

it('turns $tcb_server_date into the request time plus offset', () => {
  expect(decode({ t: { $tcb_server_date: { offset: { $numberInt: '500' } } } }, { now })).toEqual({
    t: new Date(now + 500),
  });
  expect(decode({ $tcb_server_date: {} }, { now })).toEqual(new Date(now));
});

it('leaves operator objects alone and rejects __proto__ keys and bad wrappers', () => {
  expect(decode({ a: { $gt: { $numberInt: '1' }, $lt: 3 } }, { now })).toEqual({ a: { $gt: 1, $lt: 3 } });
  expect(() => parse('{"__proto__":{"x":1}}', { now })).toThrow(EjsonError);
  expect(() => parse('{"a":{"$numberInt":"x"}}', { now })).toThrow(EjsonError);
  expect(() => parse('{"a":{"$regularExpression":{"pattern":"("}}}', { now })).toThrow(EjsonError);
  expect(() => parse('{', { now })).toThrow(EjsonError);
});

it('encodes replies so bson reads them back', () => {
  expect(encode({ n: 1.5, inf: Infinity, at: new Date(5), re: /x/gim, skip: undefined, arr: [undefined] })).toEqual({
    n: 1.5,
    inf: { $numberDouble: 'Infinity' },
    at: { $date: { $numberLong: '5' } },
    re: { $regularExpression: { pattern: 'x', options: 'im' } },
    arr: [null],
  });
  const doc = { a: [new Date(0), { b: /y/ }], c: 'text', d: null, e: true };
  expect(parse(stringify(doc), { now })).toEqual(doc);
});
