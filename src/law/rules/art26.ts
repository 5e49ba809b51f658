import { decide, defineRule, each } from './rule.js';

/** @see art 26: 公安机关应当开展安全技术防范工作监督检查，及时发现并督促整改安全技术防范隐患… */
export const urgeRectificationOfHazards = defineRule<{ hazardsFound: number; rectificationUrged?: boolean }>({
  id: 'art26.urge-rectification-of-hazards',
  citation: { article: 26 },
  kind: 'obligation',
  title: { zh: '督促整改安全技术防范隐患', en: 'Have hazards rectified' },
  subjects: (s) => each(s.inspections, 'inspections', (x) => ({ hazardsFound: x.hazardsFound, rectificationUrged: x.rectificationUrged })),
  evaluate: (f) => {
    if (f.hazardsFound === 0) return decide.notApplicable('检查未发现隐患', 'The inspection found no hazard');
    return f.rectificationUrged === true
      ? decide.compliant(`发现${f.hazardsFound}处隐患，已督促整改`, `${f.hazardsFound} hazard(s) found and their rectification urged`)
      : decide.obligation(`发现${f.hazardsFound}处隐患，公安机关应当及时督促整改`, `${f.hazardsFound} hazard(s) found: the police must promptly have them rectified`);
  },
});

export const ART26_RULES = [urgeRectificationOfHazards];
