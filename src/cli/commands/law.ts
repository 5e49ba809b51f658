import { Option, type Command } from 'commander';
import {
  ARTICLE_RANGE,
  articleHeading,
  chapterHeading,
  chapterOf,
  getArticle,
  LawErrors,
  REGULATION,
  type LawArticle,
} from '../../law/corpus/index.js';
import { chineseNumeral, formatCitation } from '../../shared/citation.js';
import { fill } from '../../shared/text.js';
import { CliError } from '../runtime.js';

export const LAW_LANGS = ['zh', 'en', 'both'] as const;
export type LawLang = (typeof LAW_LANGS)[number];

const TRANSLATION_NOTE = 'English: a working translation; the Chinese text is authoritative.';

/**
 * Reads an article number as a user may type it: `24`, `二十四` or `第二十四条`.
 * Undefined when it names no article of the regulation.
 */
export function parseArticleArgument(arg: string): LawArticle | undefined {
  const s = arg.trim();
  if (/^\d+$/.test(s)) return getArticle(Number(s));
  const cn = s.replace(/^第/, '').replace(/条$/, '');
  for (let n = ARTICLE_RANGE.first; n <= ARTICLE_RANGE.last; n++) if (chineseNumeral(n) === cn) return getArticle(n);
  return undefined;
}

/** The article as text: heading, then the Chinese and/or the English, every paragraph marked `¶n` and every item indented. */
export function renderArticle(a: LawArticle, lang: LawLang = 'both'): string {
  const heading = articleHeading(a.number);
  const label = formatCitation({ article: a.number });
  const chapter = chapterHeading(chapterOf(a.number)!);
  const lines: string[] = [];
  if (lang === 'both') lines.push(`${heading.zh} / ${label.en}`, `${chapter.zh} / ${chapter.en}`);
  else if (lang === 'zh') lines.push(heading.zh, chapter.zh);
  else lines.push(label.en, chapter.en);

  const block = (key: 'zh' | 'en') => {
    lines.push('');
    for (const p of a.paragraphs) {
      lines.push(`¶${p.number} ${p[key]}`);
      // Items carry their own numeral: （一） in Chinese, (1) in English.
      for (const i of p.items) lines.push(`   ${i[key]}`);
    }
  };
  if (lang !== 'en') block('zh');
  if (lang !== 'zh') {
    block('en');
    lines.push('', TRANSLATION_NOTE);
  }
  return `${lines.join('\n')}\n`;
}

/** The article as JSON, without the English when `lang` is `zh` and without the Chinese when it is `en`. */
export function articleJson(a: LawArticle, lang: LawLang = 'both'): string {
  const chapter = chapterOf(a.number)!;
  const value = {
    instrument: REGULATION.id,
    number: a.number,
    heading: articleHeading(a.number),
    chapter: { number: chapter.number, zh: chapter.zh, zhDisplay: chapter.zhDisplay, en: chapter.en },
    paragraphs: a.paragraphs,
  };
  const drop = lang === 'zh' ? new Set(['en']) : lang === 'en' ? new Set(['zh', 'zhDisplay']) : new Set<string>();
  return `${JSON.stringify(value, (k, v) => (drop.has(k) ? undefined : v), 2)}\n`;
}

function unknownArticle(arg: string): CliError {
  const m = fill(LawErrors.JF_LAW_ARTICLE_NOT_FOUND.message, { number: arg, ...ARTICLE_RANGE });
  return new CliError(`${m.zh}\n${m.en}`);
}

export function registerLawCommand(program: Command) {
  program
    .command('law')
    .description(`Print an article of the regulation (${REGULATION.title.zh}), in Chinese and English`)
    .argument('<article>', `article number, ${ARTICLE_RANGE.first}-${ARTICLE_RANGE.last} (also 二十四 or 第二十四条)`)
    .addOption(new Option('--lang <lang>', 'which text to print').choices(LAW_LANGS).default('both'))
    .option('--json', 'print the article as JSON, with paragraph and item anchors')
    .addHelpText(
      'after',
      `\nParagraphs (款) are marked ¶1, ¶2…; items (项) keep their numerals, （一） and (1).\nThe English is a working translation; the Chinese text is authoritative.\nAn unknown article exits with code 2.\n\nExamples:\n  jifang law 24\n  jifang law 第二十三条 --lang zh\n  jifang law 25 --json\n`,
    )
    .action((arg: string, o: { lang: LawLang; json?: boolean }) => {
      const a = parseArticleArgument(arg);
      if (!a) throw unknownArticle(arg);
      process.stdout.write(o.json ? articleJson(a, o.lang) : renderArticle(a, o.lang));
    });
}
