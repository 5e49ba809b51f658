import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/i18n';
import { checklistOf } from './checklist';
import { workspace } from './i18n';
import { TOUR_STEPS } from './tour';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;
const ROLES = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer', 'key_unit', 'provider', 'investigator', 'citizen', 'oversight', 'admin'];

describe('the workspace catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(workspace.en).sort()).toEqual(Object.keys(workspace['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(workspace[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(workspace['zh-CN']) as (keyof (typeof workspace)['en'])[]) expect(placeholders(workspace.en[k]), k).toEqual(placeholders(workspace['zh-CN'][k]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(workspace.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(workspace['zh-CN'])) expect(HAN.test(v), `zh.${k}: ${v}`).toBe(true);
  });
  it("introduces every role's workspace and has the text of every step of every role's tour", () => {
    for (const role of ROLES) {
      expect(workspace['zh-CN'], role).toHaveProperty(`intro.${role}`);
      expect(workspace['zh-CN'], role).toHaveProperty(`tour.role.${role}`);
      for (const step of TOUR_STEPS[role]) {
        expect(workspace['zh-CN'], `${role}: ${step}`).toHaveProperty(`tour.${step}.title`);
        if (step !== 'header') expect(workspace['zh-CN'], `${role}: ${step}`).toHaveProperty(`tour.${step}.desc`);
      }
    }
  });
});

describe("a key unit's obligations checklist", () => {
  const finding = (href: string, article: number, outcome: string) => ({
    ruleId: href,
    outcome,
    citation: { article },
    citationLabel: { zh: `第${article}条`, en: `Art ${article}` },
    href,
    message: { zh: outcome, en: outcome },
  });
  const unit = { entity: { type: 'key-units', id: 1, name: '实验中学' }, findings: [finding('/law/10#p1-i7', 10, 'compliant'), finding('/law/3#p3', 3, 'compliant')], unknownFacts: [] };
  const cameras = [1, 2].map((id) => ({ entity: { type: 'devices', id, name: `摄像机${id}` }, findings: [finding('/law/14', 14, id === 2 ? 'violation' : 'compliant'), finding('/law/15', 15, 'obligation')], unknownFacts: [] }));
  const system = {
    entity: { type: 'security-systems', id: 9, name: '视频监控系统' },
    findings: [],
    unknownFacts: [{ fact: 'designReview', label: { zh: '是否经论证', en: 'Reviewed?' }, citation: { article: 12 }, citationLabel: { zh: '第十二条', en: 'Art 12' }, href: '/law/12#p2' }],
  };
  const lines = checklistOf([unit, ...cameras, system]);

  it('keeps art 10-15 and 23 only, one line per paragraph or item, in the order of the articles', () => {
    expect(lines.map((l) => l.href)).toEqual(['/law/10#p1-i7', '/law/12#p2', '/law/14', '/law/15']);
  });
  it('marks a line missing when any device breaks it (art 14: a camera where capture is forbidden), and names that device', () => {
    const art14 = lines.find((l) => l.article === 14)!;
    expect(art14.status).toBe('missing');
    expect(art14.entities.filter((e) => e.status === 'missing').map((e) => e.name)).toEqual(['摄像机2']);
  });
  it('names each entity once on a line, even when a finding and an unknown fact both speak of it', () => {
    const twice = checklistOf([{ ...unit, findings: [finding('/law/11#p1-i1', 11, 'obligation')], unknownFacts: [{ fact: 'duties', label: { zh: '是否制定制度', en: 'Rules set?' }, citation: { article: 11 }, citationLabel: { zh: '第十一条', en: 'Art 11' }, href: '/law/11#p1-i1' }] }]);
    expect(twice[0].entities).toHaveLength(1);
  });
  it('counts a duty whose fact the registry does not hold as still to be shown (art 12 ¶2 design review)', () => {
    expect(lines.find((l) => l.article === 12)!.status).toBe('toShow');
    expect(lines.find((l) => l.article === 10)!.status).toBe('done');
  });
});
