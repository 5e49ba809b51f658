import { Option, type Command } from 'commander';
import type { Actor } from '../../access/index.js';
import { assertEntityKind, assessEntity, complianceContext, ENTITY_KINDS, ENTITY_LABELS, type EntityAssessment } from '../../compliance/index.js';
import type { JifangDb } from '../../db/database.js';
import { isIsoDate, type Outcome } from '../../law/index.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { CliError, withDatabase } from '../runtime.js';

export const ASSESS_LANGS = ['zh', 'en', 'both'] as const;
type Lang = (typeof ASSESS_LANGS)[number];

/** The command line is the operator at the database: it reads every entity, as the administrator does. */
export const OPERATOR: Actor = { userId: 0, username: 'jifang-cli', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

export const OUTCOME_LABELS: Record<Outcome, { zh: string; en: string }> = {
  violation: { zh: '违法', en: 'violation' },
  obligation: { zh: '待履行', en: 'obligation' },
  compliant: { zh: '符合', en: 'compliant' },
  allowed: { zh: '允许', en: 'allowed' },
  refused: { zh: '不予准许', en: 'refused' },
  not_applicable: { zh: '不适用', en: 'not applicable' },
};

export interface CliDeps {
  withDb: <T>(fn: (jdb: JifangDb) => Promise<T>) => Promise<T>;
  clock: Clock;
}

const defaultDeps: CliDeps = { withDb: (fn) => withDatabase((jdb) => fn(jdb)), clock: systemClock };

const pickText = (b: { zh: string; en: string }, lang: Lang) => (lang === 'zh' ? b.zh : lang === 'en' ? b.en : `${b.zh} / ${b.en}`);

/** The assessment as text: the entity, the counts, then every finding with its article and link, and the facts the registry lacks. */
export function renderAssessment(a: EntityAssessment, lang: Lang = 'both'): string {
  const e = a.entity;
  const place = [e.cityName, e.divisionName !== e.cityName ? e.divisionName : null].filter(Boolean).join('');
  const lines: string[] = [];
  lines.push(`${pickText(ENTITY_LABELS[e.type], lang)} #${e.id} ${e.name}${place ? ` (${place})` : ''}`);
  lines.push(`${lang === 'en' ? 'As the regulation stood on' : lang === 'zh' ? '适用日期' : '适用日期 / As of'} ${a.at}`);
  const order: Outcome[] = ['violation', 'obligation', 'refused', 'allowed', 'compliant', 'not_applicable'];
  lines.push(order.map((o) => `${pickText(OUTCOME_LABELS[o], lang)} ${a.counts[o]}`).join('  '));
  lines.push('');
  const sorted = [...a.findings].sort((x, y) => order.indexOf(x.outcome) - order.indexOf(y.outcome) || x.citation.article - y.citation.article);
  for (const f of sorted) {
    lines.push(`[${pickText(OUTCOME_LABELS[f.outcome], lang)}] ${pickText(f.citationLabel, lang)}  ${f.href}  ${f.ruleId}`);
    if (lang !== 'en') lines.push(`    ${f.message.zh}`);
    if (lang !== 'zh') lines.push(`    ${f.message.en}`);
  }
  if (a.unknownFacts.length) {
    lines.push('');
    lines.push(lang === 'en' ? 'Not held by the registry (the duties answer "obligation"):' : lang === 'zh' ? '登记中没有的事实（相应义务显示为“待履行”）：' : '登记中没有的事实 / Not held by the registry:');
    for (const u of a.unknownFacts) lines.push(`  - ${pickText(u.citationLabel, lang)}: ${pickText(u.label, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerAssessCommand(program: Command, deps: CliDeps = defaultDeps) {
  program
    .command('assess')
    .description('Assess one registry entity against every rule of the regulation, each finding with its article')
    .argument('<entityType>', `one of ${ENTITY_KINDS.join(', ')}`)
    .argument('<id>', 'its id in the registry')
    .option('--at <date>', 'the day the regulation is applied as it stood (YYYY-MM-DD); today in China by default')
    .addOption(new Option('--lang <lang>', 'language of the text').choices(ASSESS_LANGS).default('both'))
    .option('--json', 'print the assessment as JSON')
    .addHelpText('after', '\nAn unknown entity type or id exits with code 2.\n\nExamples:\n  jifang assess devices 1024\n  jifang assess key-units 7 --lang en\n  jifang assess security-systems 3 --json\n')
    .action(async (type: string, idArg: string, o: { at?: string; lang: Lang; json?: boolean }) => {
      let kind;
      try {
        kind = assertEntityKind(type);
      } catch (e) {
        if (e instanceof AppError) throw new CliError(`${e.bilingual.zh}\n${e.bilingual.en}`);
        throw e;
      }
      const id = Number(idArg);
      if (!Number.isSafeInteger(id) || id < 1) throw new CliError(`编号应为正整数：${idArg}\nThe id must be a positive integer: ${idArg}`);
      if (o.at !== undefined && !isIsoDate(o.at)) throw new CliError(`日期应为YYYY-MM-DD：${o.at}\nThe date must be YYYY-MM-DD: ${o.at}`);
      const a = await deps.withDb(async (jdb) => {
        try {
          return await assessEntity(complianceContext(jdb, deps.clock), OPERATOR, kind, id, o.at);
        } catch (e) {
          if (e instanceof AppError) throw new CliError(`${e.bilingual.zh}\n${e.bilingual.en}`);
          throw e;
        }
      });
      process.stdout.write(o.json ? `${JSON.stringify(a, null, 2)}\n` : renderAssessment(a, o.lang));
    });
}
