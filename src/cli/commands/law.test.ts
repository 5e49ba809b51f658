import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getArticle, REGULATION } from '../../law/corpus/index.js';
import { CliError } from '../runtime.js';
import { articleJson, parseArticleArgument, registerLawCommand, renderArticle } from './law.js';

const BIN = fileURLToPath(new URL('../../../bin/jifang.js', import.meta.url));

/** Runs `jifang law …` in process and returns what it wrote to standard output. */
async function runLaw(...args: string[]): Promise<string> {
  const program = new Command('jifang').exitOverride();
  registerLawCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'jifang', 'law', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('jifang law', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints Art 24 in Chinese then English, each paragraph and item marked', async () => {
    const out = await runLaw('24');
    const lines = out.split('\n');
    expect(lines[0]).toBe('第二十四条 / Art 24');
    expect(lines[1]).toBe('第三章 信息使用管理 / Chapter 3 Administration of the Use of Information');
    expect(lines).toContain('   （一）工作人员不得少于两人；');
    expect(lines).toContain('   (1) there shall be no fewer than two staff members;');
    expect(lines.filter((l) => l.startsWith('¶1 ')).length).toBe(2);
    expect(lines.filter((l) => l.startsWith('¶2 ')).length).toBe(2);
    expect(out.indexOf('¶2 为了国家利益')).toBeLessThan(out.indexOf('¶1 Staff of State organs'));
    expect(out).toContain('the Chinese text is authoritative');
  });

  it('prints every line of an article, and nothing of the other language when one is asked for', () => {
    for (const a of REGULATION.articles) {
      const zh = renderArticle(a, 'zh');
      const en = renderArticle(a, 'en');
      for (const p of a.paragraphs) {
        expect(zh).toContain(`¶${p.number} ${p.zh}\n`);
        expect(en).toContain(`¶${p.number} ${p.en}\n`);
        for (const i of p.items) {
          expect(zh).toContain(`   ${i.zh}\n`);
          expect(en).toContain(`   ${i.en}\n`);
        }
      }
      expect(en, `art ${a.number}`).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh, `art ${a.number}`).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('honours --lang', async () => {
    expect((await runLaw('23', '--lang', 'zh')).split('\n').slice(0, 4)).toEqual([
      '第二十三条',
      '第三章 信息使用管理',
      '',
      '¶1 技防系统使用单位应当采取技术手段，加强对采获信息的管理，保障信息安全。',
    ]);
    expect((await runLaw('37', '--lang', 'en')).split('\n').slice(0, 4)).toEqual([
      'Art 37',
      'Chapter 6 Supplementary Provisions',
      '',
      '¶1 These Regulations come into force on 1 February 2015.',
    ]);
  });

  it('prints JSON with anchors, in the languages asked for', async () => {
    const both = JSON.parse(await runLaw('10', '--json'));
    expect(both).toMatchObject({ instrument: 'liaoning-2014', number: 10, heading: { zh: '第十条', en: 'Article 10' }, chapter: { number: 2 } });
    expect(both.paragraphs).toEqual(getArticle(10)!.paragraphs);
    expect(both.paragraphs[0].items[11].anchor).toBe('p1-i12');
    const zh = JSON.parse(articleJson(getArticle(10)!, 'zh'));
    expect(JSON.stringify(zh)).not.toContain('"en"');
    expect(zh.paragraphs[1].zh.startsWith('具有前款规定场所')).toBe(true);
    const en = JSON.parse(await runLaw('10', '--json', '--lang', 'en'));
    expect(JSON.stringify(en)).not.toMatch(/"zh(Display)?"/);
  });

  it('reads article numbers as a user may type them', () => {
    expect(parseArticleArgument('24')?.number).toBe(24);
    expect(parseArticleArgument(' 7 ')?.number).toBe(7);
    expect(parseArticleArgument('二十四')?.number).toBe(24);
    expect(parseArticleArgument('第十条')?.number).toBe(10);
    for (const bad of ['0', '38', '-1', '2.5', 'abc', '第三十八条', '']) expect(parseArticleArgument(bad), bad).toBeUndefined();
  });

  it('refuses an unknown article, naming the valid range', async () => {
    const err = await runLaw('38').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toBe('条例没有第38条；条文编号为第1条至第37条\nThe regulation has no Article 38; its articles run from 1 to 37');
  });

  it('describes itself in --help', () => {
    const program = new Command('jifang');
    registerLawCommand(program);
    const help = program.commands.find((c) => c.name() === 'law')!.helpInformation();
    expect(help).toContain('Usage: jifang law [options] <article>');
    expect(help).toContain('--lang <lang>');
    expect(help).toContain('--json');
    expect(help).toContain('1-37');
  });
});

describe('the jifang binary', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

  it('prints an article', () => {
    const r = run('law', '24');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('第二十四条 / Art 24\n')).toBe(true);
    expect(r.stdout).toContain('（四）获取的信息只限于执行职务需要范围，并承担保密义务。');
  });

  it('exits 2 with the valid range on standard error for an unknown article', () => {
    const r = run('law', '38');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('The regulation has no Article 38; its articles run from 1 to 37');
  });

  it('lists the command in the top-level help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/law \[options\] <article>/);
  });
});
