import type { Bilingual } from '../../shared/text.js';
import { keyUnitStatus } from '../situation/derive.js';
import type { KeyUnit } from '../situation/schema.js';
import { decide, defineRule, each, type Rule } from './rule.js';

type Duties = NonNullable<KeyUnit['duties']>;

/**
 * @see art 11: 应当安装技防系统的单位应当履行下列义务：（一）…（四）
 * Each item is a rule over the key units of art 10; a breach leads to art 32.
 */
function duty(item: 1 | 2 | 3 | 4, slug: string, text: Bilingual, met: (d: Duties) => boolean | undefined): Rule<{ met?: boolean }> {
  return defineRule<{ met?: boolean }>({
    id: `art11.i${item}.${slug}`,
    citation: { article: 11, paragraph: 1, item },
    kind: 'obligation',
    title: text,
    sanction: { article: 32, item },
    subjects: (s) => each(s.keyUnits, 'keyUnits', (k) => (keyUnitStatus(k).keyUnit ? { met: k.duties ? met(k.duties) : undefined } : undefined)),
    evaluate: (f) => {
      if (f.met === true) return decide.compliant(`已${text.zh}`, `Done: ${text.en.toLowerCase()}`);
      if (f.met === false) {
        return decide.violation(
          `未${text.zh}；依第三十二条责令限期改正，逾期不改正的，处5000元罚款`,
          `Not done: ${text.en.toLowerCase()}. Under art 32 rectification is ordered, and a fine of 5,000 yuan follows if the time limit is missed`,
        );
      }
      return decide.obligation(`应当${text.zh}`, `Must ${text.en.toLowerCase()}`);
    },
  });
}

export const maintenanceRules = duty(1, 'maintenance-rules', { zh: '制定技防系统使用、保养、维护和更新制度', en: 'Set rules for the use, upkeep, maintenance and renewal of the system' }, (d) => d.maintenanceRules);

export const designatedOperator = duty(
  2,
  'designated-trained-operator',
  { zh: '指定专人负责技防系统的运行、维护、管理工作并进行业务培训', en: 'Designate a trained person to run, maintain and manage the system' },
  (d) => (d.operatorDesignated === undefined && d.operatorTrained === undefined ? undefined : d.operatorDesignated === true && d.operatorTrained === true),
);

export const informationRules = duty(
  3,
  'captured-information-rules',
  { zh: '建立采获信息的查询、调取、登记和保密制度', en: 'Set rules for querying, retrieving, registering and keeping captured information confidential' },
  (d) => d.informationRules,
);

export const dutyRosterAndEmergencyPlan = duty(4, 'duty-roster-and-emergency-plan', { zh: '建立值班制度和应急处置预案', en: 'Keep a duty roster and an emergency response plan' }, (d) => d.dutyRosterAndEmergencyPlan);

export const ART11_RULES = [maintenanceRules, designatedOperator, informationRules, dutyRosterAndEmergencyPlan];
