import { formatCitation } from '../../shared/citation.js';
import { getInstrument } from '../corpus/index.js';
import { ORGAN_POWERS } from './investigating-organs.js';
import { PRIVATE_PLACE_LABELS } from './private-places.js';
import { PUBLIC_AREA_KIND_LABELS } from './public-area-kinds.js';
import { INTERPRETATIONS, type Interpretation } from './register.js';
import { ART10_ITEMS, UNIT_TYPE_ART10_ITEM } from './unit-types.js';

function cite(c: Interpretation['citations'][number]): string {
  const f = formatCitation(c);
  if (!c.instrument || c.instrument === 'liaoning-2014') return f.en;
  return `${getInstrument(c.instrument)?.citedAs.en ?? c.instrument}, ${f.en}`;
}

function dataTable(name: string | undefined): string[] {
  switch (name) {
    case 'UNIT_TYPE_ART10_ITEM': {
      const rows = Object.entries(UNIT_TYPE_ART10_ITEM).map(([k, v]) => {
        const note = 'note' in v ? ` ${v.note.zh} / ${v.note.en}` : '';
        return `| \`${k}\` | ${v.item} | ${v.label.zh} / ${v.label.en}${note} |`;
      });
      const items = ART10_ITEMS.map((i) => `| ${i.item} | ${i.label.zh} | ${i.label.en} |`);
      return [
        '',
        'Items of art 10 ¶1:',
        '',
        '| item | 中文 | English |',
        '|---|---|---|',
        ...items,
        '',
        'Unit types (`UNIT_TYPE_ART10_ITEM`):',
        '',
        '| unit type | item | label |',
        '|---|---|---|',
        ...rows,
      ];
    }
    case 'PUBLIC_AREA_KINDS':
      return ['', 'Public-area kinds (`PUBLIC_AREA_KINDS`):', '', '| kind | 中文 | English |', '|---|---|---|', ...Object.entries(PUBLIC_AREA_KIND_LABELS).map(([k, v]) => `| \`${k}\` | ${v.zh} | ${v.en} |`)];
    case 'PRIVATE_PLACE_KINDS':
      return ['', 'Private places (`PRIVATE_PLACE_KINDS`):', '', '| kind | 中文 | English |', '|---|---|---|', ...Object.entries(PRIVATE_PLACE_LABELS).map(([k, v]) => `| \`${k}\` | ${v.zh} | ${v.en} |`)];
    case 'ORGAN_POWERS':
      return [
        '',
        'Organs (`ORGAN_POWERS`):',
        '',
        '| organ | 中文 | ¶1 criminal investigation | ¶1 emergency/accident investigation | ¶2 emergency direct use |',
        '|---|---|---|---|---|',
        ...Object.entries(ORGAN_POWERS).map(
          ([k, v]) => `| \`${k}\` | ${v.label.zh} | ${v.criminalInvestigation ? 'yes' : 'no'} | ${v.emergencyAccidentInvestigation ? 'yes' : 'no'} | ${v.emergencyDirectUse ? 'yes' : 'no'} |`,
        ),
      ];
    case 'RETENTION_FLOORS':
      return ['', 'The per-category minimums and their sources are the table `RETENTION_FLOORS` in `src/law/parameters/retention.ts`.'];
    default:
      return [];
  }
}

/** `docs/interpretations.md`, rendered from the register. */
export function renderInterpretationsMarkdown(): string {
  const out: string[] = [
    '# Interpretations register',
    '',
    '<!-- Rendered from src/law/interpretations/register.ts by renderInterpretationsMarkdown(). Do not edit by hand:',
    '     change the register and run `JIFANG_WRITE_DOCS=1 npx vitest run src/law/interpretations`. A test keeps the two equal. -->',
    '',
    'Where the text of the regulation leaves a question open, the platform follows one reading and says so here:',
    'the question, the readings the text allows, the one chosen and why, and the rules whose outcome depends on it.',
    'Findings and penalty decisions name the interpretations they rest on by id. Changing a choice is one edit in the register.',
    '',
    '| id | provision | chosen reading |',
    '|---|---|---|',
    ...INTERPRETATIONS.map((i) => `| [\`${i.id}\`](#${i.id.replace(/[^a-z0-9-]/g, '')}) | ${i.citations.map(cite).join('; ')} | \`${i.chosen}\` |`),
  ];
  for (const i of INTERPRETATIONS as readonly Interpretation[]) {
    out.push(
      '',
      `## ${i.id}`,
      '',
      `**Provision.** ${i.citations.map(cite).join('; ')}`,
      '',
      `**问题** ${i.question.zh}`,
      '',
      `**Question.** ${i.question.en}`,
      '',
      '**Readings.**',
      '',
      ...i.readings.map((r) => `- \`${r.id}\`${r.id === i.chosen ? ' **(chosen)**' : ''}: ${r.text.zh} / ${r.text.en}`),
      '',
      `**理由** ${i.reason.zh}`,
      '',
      `**Why.** ${i.reason.en}`,
      '',
      `**Rules depending on it.** ${i.rules.map((r) => `\`${r}\``).join(', ')}`,
      ...dataTable(i.data),
    );
  }
  return `${out.join('\n')}\n`;
}
