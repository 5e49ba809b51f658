import { describe, expect, it } from 'vitest';
import { canonicalJson, decodeLeaf, digestOf, encodeLeaf, eventProblems, leafIndexOf, pseudonym, type LedgerEvent } from './leaf.js';

const event: LedgerEvent = {
  type: 'vault/view',
  actorRef: 'user:0123456789abcdef0123456789abcdef',
  subjectRef: 'captured-info:1723',
  rule: 'art24.p1.two-officers',
  grant: 'grant:88',
  digest: digestOf('footage manifest'),
  at: '2026-06-01T08:00:00.000Z',
};

describe('the leaf format', () => {
  it('writes one field per line in a fixed order, under a versioned header', () => {
    expect(encodeLeaf(42, event).toString('latin1')).toBe(
      [
        'jifang.ledger/v1',
        'index 42',
        'at 2026-06-01T08:00:00.000Z',
        'type vault/view',
        'actor user:0123456789abcdef0123456789abcdef',
        'subject captured-info:1723',
        'rule art24.p1.two-officers',
        'grant grant:88',
        `digest ${event.digest}`,
        '',
      ].join('\n'),
    );
  });

  it('leaves optional fields out, and reads back exactly what it wrote', () => {
    const bare = { type: 'access/login', actorRef: 'user:ab', subjectRef: 'user:ab', at: '2026-06-01T08:00:00.000Z' };
    expect(decodeLeaf(encodeLeaf(0, bare))).toEqual({ ok: true, leaf: { index: 0, ...bare } });
    expect(decodeLeaf(encodeLeaf(7, event))).toEqual({ ok: true, leaf: { index: 7, ...event } });
    expect(leafIndexOf(encodeLeaf(1234567, event))).toBe(1234567);
  });

  it('refuses anything that is not the canonical form', () => {
    const good = encodeLeaf(3, event).toString('latin1');
    const bad = [
      good.replace('index 3', 'index 03'),
      good.replace('rule art24.p1.two-officers\n', '').replace('type vault/view\n', 'type vault/view\nrule art24.p1.two-officers\n'),
      good + 'extra x\n',
      good.slice(0, -1),
      good.replace('jifang.ledger/v1', 'jifang.ledger/v2'),
      good.replace('at 2026-06-01T08:00:00.000Z', 'at 2026-06-01T08:00:00Z'),
      good.replace('subject captured-info:1723', 'subject 张三'),
      good.replace('actor user:', 'actor  user:'),
    ];
    for (const b of bad) expect(decodeLeaf(Buffer.from(b, 'utf8')).ok).toBe(false);
  });

  it('keeps personal data out: free text, spaces and non-ASCII cannot be a value', () => {
    expect(eventProblems({ ...event, subjectRef: 'person:王小明' }).map((p) => p.field)).toEqual(['subjectRef']);
    expect(eventProblems({ ...event, actorRef: 'user:Wang Xiaoming' }).map((p) => p.field)).toEqual(['actorRef']);
    expect(eventProblems({ ...event, digest: 'md5:abc' }).map((p) => p.field)).toEqual(['digest']);
    expect(eventProblems({ ...event, at: '2026-02-30T00:00:00.000Z' }).map((p) => p.field)).toEqual(['at']);
  });

  it('makes stable digests of records and keyed pseudonyms of ids', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    const salt = Buffer.alloc(32, 7);
    expect(pseudonym(salt, 'user', 17)).toMatch(/^user:[0-9a-f]{32}$/);
    expect(pseudonym(salt, 'user', 17)).toBe(pseudonym(salt, 'user', '17'));
    expect(pseudonym(salt, 'user', 17)).not.toBe(pseudonym(Buffer.alloc(32, 8), 'user', 17));
  });
});
