import { Test } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppConfigModule, loadConfig } from '@probity/config';
import { importQuestionnaire, QuestionnaireDefinition, THIRD_PARTY_ASSESSMENT_JSON } from '@probity/questionnaires';
import { blankQuestionnaire } from './blank-questionnaire';
import { BlankQuestionnairePrinter } from './blank-questionnaire-printer';
import { QuestionBankModule } from './question-bank.module';

const run = promisify(execFile);

function imported(): QuestionnaireDefinition {
  const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

/** An imported questionnaire's html blocks (instructions, lead-ins) in the printed blank questionnaire. */
describe('blank questionnaire with html blocks', () => {
  let printer: BlankQuestionnairePrinter;
  let close: () => Promise<void>;
  let workdir: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(loadConfig({})), QuestionBankModule],
    }).compile();
    await moduleRef.init();
    printer = moduleRef.get(BlankQuestionnairePrinter);
    close = () => moduleRef.close();
    workdir = await mkdtemp(join(tmpdir(), 'probity-blank-html-'));
  });

  afterAll(async () => {
    await close?.();
    await rm(workdir, { recursive: true, force: true });
  });

  it('embeds the sanitised html in place, numbering only the questions', () => {
    const view = blankQuestionnaire(imported(), { version: 1, language: 'fr' });
    expect(view.sections[0].items.map((item) => ('html' in item ? 'html' : item.question.number))).toEqual([
      'html',
      '1.1',
      '1.2',
      'html',
      '1.3',
      '1.4',
    ]);
    const html = printer.html(view);
    expect(html).toContain(
      '<div class="questionnaire-html"><h3>Avant de commencer</h3><p>Répondez à <strong>chaque</strong>',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('onclick');
  });

  it('prints the instructions and lead-ins, in the provider’s language', async () => {
    const pdf = await printer.pdf(blankQuestionnaire(imported(), { version: 1, language: 'fr' }));
    const file = join(workdir, 'third-party-fr.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', [file, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Avant de commencer');
    expect(text).toContain('Les questions suivantes portent uniquement sur les données personnelles.');
    expect(text).toContain('Décrivez les mesures du guide.');
    expect(text).not.toContain('alert(');
  });
});
