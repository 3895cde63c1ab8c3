// The clamd client against a real ClamAV daemon (test/clamd.ts): a clean stream, the EICAR test file found in
// the middle of a larger stream (several chunks), and no verdict when the daemon is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR, clamdAvailable, startClamd } from '../../../test/clamd.ts';
import { VirusScannerUnavailableError, createClamdScanner, parseReply } from './virus-scanner.ts';

describe('parseReply', () => {
  it('reads the three kinds of reply', () => {
    expect(parseReply('stream: OK')).toEqual({ verdict: 'clean' });
    expect(parseReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ verdict: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
    expect(parseReply('INSTREAM size limit exceeded. ERROR')).toBeNull();
    expect(parseReply('stream: Can\'t allocate memory ERROR')).toBeNull();
  });
});

describe.skipIf(!clamdAvailable && !process.env.CI)('clamd scanner (real daemon)', () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  beforeAll(async () => { clamd = await startClamd(); }, 60_000);
  afterAll(async () => clamd?.stop());

  it('finds nothing in a clean file and the test signature in an infected one', async () => {
    const scanner = createClamdScanner(clamd.url);
    expect(await scanner.scan(Buffer.from('%PDF-1.4\n%clean\n'))).toEqual({ verdict: 'clean' });
    // 200 KiB before the pattern: the stream crosses several 64 KiB chunks.
    const infected = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 0x20), EICAR, Buffer.from('\n%%EOF\n')]);
    const v = await scanner.scan(infected);
    expect(v.verdict).toBe('infected');
    expect(v.verdict === 'infected' && v.signature).toMatch(/^Jichi\.Test\.EICAR/);
  });

  it('gives no verdict when the daemon cannot be reached', async () => {
    const scanner = createClamdScanner('tcp://127.0.0.1:1', 2000);
    await expect(scanner.scan(Buffer.from('x'))).rejects.toBeInstanceOf(VirusScannerUnavailableError);
  });

  it('refuses a URL that is not tcp://', () => {
    expect(() => createClamdScanner('http://127.0.0.1:3310')).toThrow(/tcp:\/\//);
  });
});
