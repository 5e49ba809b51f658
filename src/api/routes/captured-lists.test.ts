import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { createWorld, type Headers, type World } from './captured-fixtures.js';

const T0 = '2026-06-01T08:00:00.000Z';
const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(new Date(T0).getTime() - ms).toISOString();

/** A CSV export's rows, header first, after its byte-order mark. */
const csv = (raw: Buffer): string[][] => {
  expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(raw, { bom: true }) as string[][];
};

interface Seg {
  id: number;
  systemId: number;
  deviceId: number | null;
  startedAt: string;
  endedAt: string;
  state: string;
}
interface HoldRow {
  id: number;
  systemId: number;
  source: string;
  caseRef: string | null;
  active: boolean;
}

describe.each(testDialects)('the lists of recordings and holds over HTTP on %s', (dialect) => {
  let w: World;
  let unitA: Headers;
  let unitB: Headers;
  let heping: Headers;
  let dalian: Headers;
  let oversight: Headers;
  /** Unit A's recordings of its ordinary system: started out of the order they were taken in. */
  const mine: Seg[] = [];
  let secret: Seg;
  const theirs: Seg[] = [];

  const get = async (h: Headers, url: string) => w.t.app.inject({ url, headers: h });
  const page = async (h: Headers, url: string): Promise<{ total: number; items: Seg[] }> => {
    const res = await get(h, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Every row a list shows for a query, page after page of `size`. */
  async function gathered<T>(h: Headers, url: string, size: number): Promise<{ total: number; items: T[] }> {
    const items: T[] = [];
    let total = -1;
    for (let offset = 0; total < 0 || offset < total; offset += size) {
      const p = (await get(h, `${url}${url.includes('?') ? '&' : '?'}limit=${size}&offset=${offset}`)).json() as { total: number; items: T[] };
      if (total >= 0) expect(p.total).toBe(total);
      total = p.total;
      items.push(...p.items);
      if (!p.items.length) break;
    }
    return { total, items };
  }

  beforeAll(async () => {
    w = await createWorld(dialect);
    w.t.clock.set(T0);
    unitA = await w.as({ username: 'unit-a', role: 'key_unit', keyUnitId: w.unitA });
    unitB = await w.as({ username: 'unit-b', role: 'key_unit', keyUnitId: w.unitB });
    heping = await w.as({ username: 'heping-police', role: 'county_supervisor', jurisdiction: '210102' });
    dalian = await w.as({ username: 'dalian-police', role: 'city_supervisor', jurisdiction: '210200' });
    oversight = await w.as({ username: 'oversight', role: 'oversight' });
    // Taken in one after another, but recorded at times out of that order: sorting by start and by id differ.
    const starts = [30, 10, 50, 20, 60, 40, 70];
    for (const [i, m] of starts.entries()) mine.push((await w.upload(unitA, w.sysA, i % 2 ? w.camA2 : w.camA1, ago(m * MIN), ago(m * MIN - 2 * MIN), 1 + (i % 3))) as unknown as Seg);
    secret = (await w.upload(unitA, w.sysSecret, null, ago(15 * MIN), ago(13 * MIN), 1)) as unknown as Seg;
    for (const m of [25, 35]) theirs.push((await w.upload(unitB, w.sysB, w.camB1, ago(m * MIN), ago(m * MIN - 2 * MIN), 2)) as unknown as Seg);
  }, 300_000);
  afterAll(() => w.t.close());

  it('pages the recordings on the server with the total, newest recording first by default', async () => {
    const all = await page(unitA, '/api/v1/captured?limit=200');
    // The unit sees its own recordings, the restricted system's too (art 19 keeps it from others, not from its unit).
    expect(all.total).toBe(mine.length + 1);
    expect(all.items).toHaveLength(all.total);
    const starts = all.items.map((s) => s.startedAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const paged = await gathered<Seg>(unitA, '/api/v1/captured', 3);
    expect(paged.total).toBe(all.total);
    expect(paged.items.map((s) => s.id)).toEqual(all.items.map((s) => s.id));
    // A page past the end is empty, and still counts the whole.
    expect(await page(unitA, '/api/v1/captured?offset=100')).toEqual({ total: all.total, items: [] });
    // Default page: fifty.
    expect((await page(unitA, '/api/v1/captured')).items).toHaveLength(Math.min(50, all.total));
  });

  it('sorts by the start of the recording and by id, both ways, ties broken by id', async () => {
    const ids = async (q: string) => (await page(unitA, `/api/v1/captured?systemId=${w.sysA}&limit=200&${q}`)).items;
    const byStart = [...mine].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id - b.id);
    expect((await ids('sort=started&order=asc')).map((s) => s.id)).toEqual(byStart.map((s) => s.id));
    expect((await ids('sort=started&order=desc')).map((s) => s.id)).toEqual([...byStart].reverse().map((s) => s.id));
    expect((await ids('')).map((s) => s.id)).toEqual([...byStart].reverse().map((s) => s.id));
    const byId = mine.map((s) => s.id).sort((a, b) => a - b);
    expect((await ids('sort=id&order=asc')).map((s) => s.id)).toEqual(byId);
    expect((await ids('sort=id')).map((s) => s.id)).toEqual([...byId].reverse());
    // The two orders differ here, so each sort is really applied.
    expect(byStart.map((s) => s.id)).not.toEqual(byId);
  });

  it('filters by system, device, time and state, and keeps the keyset parameter', async () => {
    expect((await page(unitA, `/api/v1/captured?systemId=${w.sysSecret}`)).items.map((s) => s.id)).toEqual([secret.id]);
    const cam2 = await page(unitA, `/api/v1/captured?deviceId=${w.camA2}&limit=200`);
    expect(cam2.total).toBe(mine.filter((s) => s.deviceId === w.camA2).length);
    expect(cam2.items.every((s) => s.deviceId === w.camA2)).toBe(true);
    // A window is half-open: recordings that end after `from` and start before `to`.
    const from = ago(41 * MIN);
    const to = ago(20 * MIN);
    const inWindow = await page(unitA, `/api/v1/captured?systemId=${w.sysA}&from=${from}&to=${to}&limit=200`);
    expect(inWindow.items.map((s) => s.id).sort()).toEqual(mine.filter((s) => s.endedAt > from && s.startedAt < to).map((s) => s.id).sort());
    // Recorded 30 and 40 minutes back; the one starting exactly at `to` (20) is outside.
    expect(inWindow.total).toBe(2);
    expect((await page(unitA, '/api/v1/captured?state=erased')).total).toBe(0);
    expect((await page(unitA, '/api/v1/captured?state=kept')).total).toBe(mine.length + 1);
    const top = mine.reduce((a, b) => (a.id > b.id ? a : b));
    const below = await page(unitA, `/api/v1/captured?afterId=${top.id}&sort=id&limit=200`);
    expect(below.items.every((s) => s.id < top.id)).toBe(true);
    expect(below.total).toBe(mine.length - 1);
  });

  it('refuses an unknown sort or order, or a page over 200, naming the field', async () => {
    for (const [q, field] of [
      ['sort=size', 'sort'],
      ['order=newest', 'order'],
      ['limit=201', 'limit'],
    ]) {
      for (const url of [`/api/v1/captured?${q}`, `/api/v1/captured/holds?${q}`]) {
        const res = await get(unitA, url);
        expect(res.statusCode, url).toBe(400);
        expect(res.json().errors, url).toEqual([expect.objectContaining({ field })]);
        expect(res.json().messages).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
      }
    }
    const bad = await get(unitA, '/api/v1/captured/export?sort=size');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'sort', rule: 'enum' })]);
    const source = await get(unitA, '/api/v1/captured/holds?source=court');
    expect(source.statusCode).toBe(400);
    expect(source.json().errors).toEqual([expect.objectContaining({ field: 'source', rule: 'enum' })]);
  });

  it("shows no other unit's or other city's recordings, in the list or the export", async () => {
    const b = await page(unitB, '/api/v1/captured?limit=200');
    expect(b.items.map((s) => s.id).sort()).toEqual(theirs.map((s) => s.id).sort());
    const d = await page(dalian, '/api/v1/captured?limit=200');
    expect(d.items.map((s) => s.id).sort()).toEqual(theirs.map((s) => s.id).sort());
    // Heping's police see Heping's recordings, the restricted system's included (art 19: supervisors may), not Dalian's.
    const h = await page(heping, '/api/v1/captured?limit=200');
    expect(h.items.map((s) => s.id).sort()).toEqual([...mine, secret].map((s) => s.id).sort());
    // Oversight sees the whole province, but not a restricted system (art 19).
    const o = await page(oversight, '/api/v1/captured?limit=200');
    expect(o.items.map((s) => s.id).sort()).toEqual([...mine, ...theirs].map((s) => s.id).sort());
    for (const [who, expected] of [
      [unitB, theirs],
      [dalian, theirs],
      [oversight, [...mine, ...theirs]],
    ] as const) {
      const [, ...rows] = csv((await get(who, '/api/v1/captured/export')).rawPayload);
      expect(rows.map((r) => Number(r[0])).sort()).toEqual(expected.map((s) => s.id).sort());
    }
    // A caller with no part in captured information has no list.
    const citizen = await w.as({ username: 'citizen-x', role: 'citizen' });
    expect((await get(citizen, '/api/v1/captured')).statusCode).toBe(403);
    expect((await get(citizen, '/api/v1/captured/export')).statusCode).toBe(403);
    expect((await get(citizen, '/api/v1/captured/holds/export')).statusCode).toBe(403);
  });

  it('exports the recordings the list shows, page by page, with bilingual headers, the Art 23 ¶2 dates and never a file name or path', async () => {
    const q = `systemId=${w.sysA}&sort=started&order=asc`;
    const listed = await gathered<Seg>(heping, `/api/v1/captured?${q}`, 2);
    const res = await get(heping, `/api/v1/captured/export?format=csv&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="captured-recordings-\d{8}\.csv"$/);
    const [header, ...rows] = csv(res.rawPayload);
    expect(header).toEqual([
      '编号 / ID',
      '系统编号 / System ID',
      '系统名称 / System',
      '设备编号 / Device ID',
      '类型 / Kind',
      '开始时间 / Started',
      '结束时间 / Ended',
      '时长（秒） / Duration (s)',
      '大小（字节） / Size (bytes)',
      '状态 / State',
      'SHA-256 / SHA-256',
      '最短保存天数 / Minimum days',
      '可封存或消除起始 / Erasable from',
      '条款 / Article',
    ]);
    expect(rows.map((r) => Number(r[0]))).toEqual(listed.items.map((s) => s.id));
    const first = listed.items[0];
    expect(rows[0]).toEqual(expect.arrayContaining([String(w.sysA), '校园视频监控', first.startedAt, '120', '保存 kept']));
    // Art 23 ¶2, first sentence: "留存时间不得少于三十日" — a key unit's recording may go thirty days after it ends.
    expect(rows[0][11]).toBe('30');
    expect(rows[0][12]).toBe(new Date(new Date(first.endedAt).getTime() + 30 * DAY).toISOString());
    // Metadata only: neither the recorder's file name nor where the store keeps the bytes.
    const text = res.rawPayload.toString('utf8');
    expect(text).not.toMatch(/blobs|sha256\/|\.mp4|clip-/);
    const xlsx = await get(heping, `/api/v1/captured/export?format=xlsx&${q}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/captured-recordings-\d{8}\.xlsx"$/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The default sort exports in the list's own order too.
    const [, ...byDefault] = csv((await get(unitA, '/api/v1/captured/export')).rawPayload);
    expect(byDefault.map((r) => Number(r[0]))).toEqual((await gathered<Seg>(unitA, '/api/v1/captured', 4)).items.map((s) => s.id));
  });

  it('pages, filters and exports the holds to the callers who saw them before, newest placed first (Art 23 ¶2)', async () => {
    const place = async (body: Record<string, unknown>) => {
      const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/captured/holds', headers: heping, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().holdIds as number[];
    };
    const window = { from: ago(80 * MIN), to: ago(0) };
    const held: number[] = [];
    for (let i = 0; i < 4; i++) held.push(...(await place({ scope: [{ systemId: w.sysA }], window, reason: `刑事案件侦查需要 ${i}`, caseRef: `沈公刑 2026-00${i}` })));
    held.push(...(await place({ scope: [{ systemId: w.sysSecret }], window, reason: '专项检查' })));
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/captured/holds/${held[0]}/release`, headers: heping })).statusCode).toBe(204);
    const dalianHold = await w.t.app.inject({ method: 'POST', url: '/api/v1/captured/holds', headers: dalian, payload: { scope: [{ systemId: w.sysB }], window, reason: '治安案件' } });
    expect(dalianHold.statusCode, dalianHold.body).toBe(201);

    const all = (await get(unitA, '/api/v1/captured/holds?limit=200')).json() as { total: number; items: HoldRow[] };
    expect(all.total).toBe(5);
    expect(all.items.map((h) => h.id)).toEqual([...held].sort((a, b) => b - a));
    // The unit reads the case reference on its holds as before.
    expect(all.items.find((h) => h.id === held[1])?.caseRef).toBe('沈公刑 2026-001');
    const paged = await gathered<HoldRow>(unitA, '/api/v1/captured/holds', 2);
    expect(paged.items.map((h) => h.id)).toEqual(all.items.map((h) => h.id));
    expect(((await get(unitA, '/api/v1/captured/holds?order=asc&limit=200')).json().items as HoldRow[]).map((h) => h.id)).toEqual([...held].sort((a, b) => a - b));
    const active = (await get(unitA, '/api/v1/captured/holds?active=true&limit=200')).json();
    expect(active.total).toBe(4);
    expect(active.items.every((h: HoldRow) => h.active)).toBe(true);
    expect((await get(unitA, '/api/v1/captured/holds?active=false')).json().items.map((h: HoldRow) => h.id)).toEqual([held[0]]);
    expect((await get(unitA, `/api/v1/captured/holds?systemId=${w.sysSecret}`)).json().total).toBe(1);
    expect((await get(unitA, '/api/v1/captured/holds?source=police_request')).json().total).toBe(5);
    expect((await get(unitA, '/api/v1/captured/holds?source=access_request')).json().total).toBe(0);
    // A hold past its end is no longer active, and counts among the inactive.
    const soon = await place({ scope: [{ systemId: w.sysA }], window, reason: '短期保全', expiresAt: new Date(new Date(T0).getTime() + DAY).toISOString() });
    try {
      w.t.clock.set(new Date(new Date(T0).getTime() + 2 * DAY).toISOString());
      const unit = await w.login('unit-a');
      const lapsed = (await get(unit, '/api/v1/captured/holds?active=false&limit=200')).json();
      expect(lapsed.items.map((h: HoldRow) => h.id).sort()).toEqual([held[0], ...soon].sort());
    } finally {
      w.t.clock.set(T0);
    }

    // Another unit and another city see none of them, in the list or the export: only their own.
    expect((await get(unitB, '/api/v1/captured/holds')).json().items.map((h: HoldRow) => h.id)).toEqual(dalianHold.json().holdIds);
    const [, ...dalianRows] = csv((await get(dalian, '/api/v1/captured/holds/export')).rawPayload);
    expect(dalianRows.map((r) => Number(r[0]))).toEqual([dalianHold.json().holdIds[0]]);

    const res = await get(heping, '/api/v1/captured/holds/export?format=csv&active=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="captured-holds-\d{8}\.csv"$/);
    const [header, ...rows] = csv(res.rawPayload);
    expect(header.slice(0, 3)).toEqual(['编号 / ID', '系统编号 / System ID', '系统名称 / System']);
    expect(header).toContain('案件编号 / Case reference');
    const listed = await gathered<HoldRow>(heping, '/api/v1/captured/holds?active=true', 2);
    expect(rows.map((r) => Number(r[0]))).toEqual(listed.items.map((h) => h.id));
    expect(rows.find((r) => Number(r[0]) === held[2])).toEqual(expect.arrayContaining(['沈公刑 2026-002', '公安机关要求提取 police request']));
    const xlsx = await get(heping, '/api/v1/captured/holds/export?format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
