import { decide, defineRule, each, type Rule } from './rule.js';
import { FILING_CONDITIONS, filingDecision, filingFacts, type FilingFacts } from './providers.js';

/**
 * @see art 16 ¶1: 从事技防系统设计、安装、维护和报警运营服务的单位应当具备下列条件…（一）营业执照；（二）…（三）…（四）…（五）法律、法规规定的其他条件。
 * GAP(art 16 ¶1 (5)): "法律、法规规定的其他条件" names no law, so item 5 is not encoded.
 */
const conditions: Rule<{ met?: boolean; filingStatus?: string }>[] = FILING_CONDITIONS.map((c) =>
  defineRule<{ met?: boolean; filingStatus?: string }>({
    id: `art16.i${c.item}.${c.slug}`,
    citation: { article: 16, paragraph: 1, item: c.item },
    kind: 'obligation',
    title: { zh: `服务单位应当具备：${c.label.zh}`, en: `A provider must have ${c.label.en}` },
    subjects: (s) => each(s.providers, 'providers', (p) => ({ met: p.materials?.[c.key], filingStatus: p.filing?.status })),
    evaluate: (f) => {
      if (f.met === true) return decide.compliant(`具备${c.label.zh}`, `Has ${c.label.en}`);
      if (f.met === false) {
        return f.filingStatus === 'applying'
          ? decide.refused(`缺少${c.label.zh}的证明，不予备案`, `Proof of ${c.label.en} is missing: the filing cannot be accepted`)
          : decide.violation(`不具备${c.label.zh}`, `Lacks ${c.label.en}`);
      }
      return decide.obligation(`应当具备${c.label.zh}，并持证明材料备案`, `Must have ${c.label.en}, and file the proof`);
    },
  }),
);

export const [businessLicence, trainedStaff, equipmentAndPremises, safetyManagementRules] = conditions;

/** @see art 16 ¶1: …并持相应证明材料到经营场所所在地的市公安机关备案 */
export const fileWithCityPolice = defineRule<FilingFacts & { kind: string }>({
  id: 'art16.p1.file-with-city-police',
  citation: { article: 16, paragraph: 1 },
  kind: 'procedure',
  title: { zh: '到经营场所所在地的市公安机关备案', en: 'File with the city police where the business is' },
  subjects: (s) => each(s.providers, 'providers', (p) => (p.outOfProvince ? undefined : { kind: p.kind, ...filingFacts(p) })),
  evaluate: (f) => {
    if (f.kind === 'individual') {
      // GAP(art 16): the article speaks of units only, and art 17 of out-of-province individuals; an individual from Liaoning has no filing path.
      return decide.notApplicable('第十六条只规定单位的备案；本省个人从事上述服务的备案，本条例未作规定', 'Art 16 provides filing for units only; the regulation says nothing of individuals from this province');
    }
    return filingDecision(f, 'city_police_of_business_place', { zh: '经营场所所在地的市公安机关', en: 'the city police of the place of business' });
  },
});

export const ART16_RULES = [...conditions, fileWithCityPolice];
