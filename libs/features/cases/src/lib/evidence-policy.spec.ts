import { checkEvidenceFile, MAX_EVIDENCE_BYTES, safeEvidenceFileName } from './evidence-policy';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
// A Windows executable starts with "MZ" and carries a PE header at the offset stored at 0x3c.
function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

describe('checkEvidenceFile', () => {
  it('accepts a PDF and reports its type from the content', async () => {
    await expect(checkEvidenceFile('model-card.pdf', PDF)).resolves.toEqual({
      accepted: true,
      contentType: 'application/pdf',
    });
  });

  it('accepts a PNG named .png', async () => {
    await expect(checkEvidenceFile('chart.png', PNG)).resolves.toEqual({ accepted: true, contentType: 'image/png' });
  });

  it('refuses a Windows executable disguised as a PDF', async () => {
    const result = await checkEvidenceFile('audit-report.pdf', windowsExecutable());
    expect(result.accepted).toBe(false);
    if (!result.accepted) expect(result.reason).toMatch(/audit-report\.pdf is a EXE file/);
  });

  it('refuses a Linux executable named .txt even though its name is allowed', async () => {
    const result = await checkEvidenceFile('notes.txt', ELF);
    expect(result.accepted).toBe(false);
  });

  it('refuses a PDF whose name claims another type', async () => {
    const result = await checkEvidenceFile('results.docx', PDF);
    expect(result).toEqual({ accepted: false, reason: expect.stringMatching(/rename it to \.pdf/) });
  });

  it('accepts UTF-8 CSV text and refuses binary noise named .csv', async () => {
    await expect(checkEvidenceFile('accuracy.csv', Buffer.from('group,fpr\nA,0.6\nÄ,0.7\n'))).resolves.toEqual({
      accepted: true,
      contentType: 'text/csv; charset=utf-8',
    });
    const noise = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x00, 0x99]);
    expect((await checkEvidenceFile('accuracy.csv', noise)).accepted).toBe(false);
  });

  it('refuses empty and oversized files', async () => {
    expect((await checkEvidenceFile('empty.pdf', Buffer.alloc(0))).accepted).toBe(false);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    const result = await checkEvidenceFile('big.pdf', big);
    expect(result).toEqual({ accepted: false, reason: expect.stringMatching(/larger than 20 MB/) });
  });
});

describe('safeEvidenceFileName', () => {
  it.each([
    ['../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\windows\\system32\\evil.pdf', 'evil.pdf'],
    ['report\u0000.exe.pdf', 'report.exe.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf'],
    ['..', 'evidence'],
    ['dir/', 'evidence'],
    ['Évaluation des risques.pdf', 'Évaluation des risques.pdf'],
  ])('%j → %j', (name, expected) => {
    expect(safeEvidenceFileName(name)).toBe(expected);
  });

  it('keeps at most 255 characters', () => {
    expect(safeEvidenceFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(255);
  });
});
