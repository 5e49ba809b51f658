import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { REGULATION } from '../../law/corpus/index.js';

// The law routes read no database, so one dialect is enough.
describe('law API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('lists the instruments, chapters and articles without a login', async () => {
    const res = await t.app.inject('/api/v1/law');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.regulation).toBe('liaoning-2014');
    expect(body.instruments.map((i: { id: string }) => i.id)).toEqual(['liaoning-2014', 'gwy-799-2025']);
    expect(body.instruments[0]).toMatchObject({ adopted: '2014-11-27', inForce: '2015-02-01', level: 'provincial-regulation', textAvailable: true });
    expect(body.instruments[1]).toMatchObject({ inForce: '2025-04-01', level: 'national-administrative-regulation', textAvailable: false });
    expect(body.instruments[1].note.en).toMatch(/not held/);
    expect(body.chapters).toHaveLength(6);
    expect(body.chapters[0]).toMatchObject({ zh: '总 则', zhDisplay: '总则', heading: { zh: '第一章 总则', en: 'Chapter 1 General Provisions' } });
    expect(body.articles).toHaveLength(37);
    expect(body.articles[23]).toMatchObject({ number: 24, chapter: 3, heading: { zh: '第二十四条', en: 'Article 24' }, href: '/law/24' });
    expect(body.articles[23].excerpt.zh.startsWith('具有法定刑事侦查权')).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers an article whole, with anchors and links for every paragraph and item', async () => {
    const res = await t.app.inject('/api/v1/law/articles/24');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ instrument: 'liaoning-2014', number: 24, heading: { zh: '第二十四条', en: 'Article 24' }, href: '/law/24', previous: 23, next: 25 });
    expect(a.chapter).toMatchObject({ number: 3, zh: '信息使用管理' });
    expect(a.paragraphs).toHaveLength(2);
    const [p1, p2] = a.paragraphs;
    expect(p1).toMatchObject({ number: 1, anchor: 'p1', href: '/law/24#p1', label: { zh: '第二十四条第一款', en: 'Art 24 ¶1' } });
    expect(p1.zh).toBe(REGULATION.articles[23].paragraphs[0].zh);
    expect(p1.items).toHaveLength(4);
    expect(p1.items[0]).toEqual({
      number: 1,
      anchor: 'p1-i1',
      href: '/law/24#p1-i1',
      label: { zh: '第二十四条第一款第（一）项', en: 'Art 24 ¶1 (1)' },
      zh: '（一）工作人员不得少于两人；',
      en: '(1) there shall be no fewer than two staff members;',
    });
    expect(p2).toMatchObject({ number: 2, anchor: 'p2', href: '/law/24#p2', items: [] });
    expect(p2.zh.startsWith('为了国家利益')).toBe(true);
  });

  it('serves every article as the corpus holds it', async () => {
    for (const art of REGULATION.articles) {
      const a = (await t.app.inject(`/api/v1/law/articles/${art.number}`)).json();
      expect(a.paragraphs.map((p: { zh: string; en: string }) => [p.zh, p.en])).toEqual(art.paragraphs.map((p) => [p.zh, p.en]));
    }
    expect((await t.app.inject('/api/v1/law/articles/1')).json().previous).toBeNull();
    expect((await t.app.inject('/api/v1/law/articles/37')).json().next).toBeNull();
  });

  it.each(['38', '0', '-1', '999999'])('answers 404 in both languages for article %s', async (n) => {
    const res = await t.app.inject(`/api/v1/law/articles/${n}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      code: 'JF_LAW_ARTICLE_NOT_FOUND',
      message: `条例没有第${n}条；条文编号为第1条至第37条`,
      messages: {
        zh: `条例没有第${n}条；条文编号为第1条至第37条`,
        en: `The regulation has no Article ${n}; its articles run from 1 to 37`,
      },
      validRange: { first: 1, last: 37 },
    });
  });

  it('answers the 404 message in English when asked', async () => {
    const res = await t.app.inject({ url: '/api/v1/law/articles/38', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(res.json().message).toBe('The regulation has no Article 38; its articles run from 1 to 37');
  });

  it.each(['abc', '2.5', '24a', '%E7%AC%AC'])('answers 400 for the non-integer article %s', async (n) => {
    const res = await t.app.inject(`/api/v1/law/articles/${n}`);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('JF_VALIDATION');
    expect(body.errors[0]).toMatchObject({ field: 'number', rule: 'type' });
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/law'].get.tags).toEqual(['law']);
    expect(Object.keys(doc.paths['/api/v1/law/articles/{number}'].get.responses).sort()).toEqual(['200', '400', '404']);
  });
});
