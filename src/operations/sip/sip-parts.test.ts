import { describe, expect, it } from 'vitest';
import { expectedResponse, ha1Of, issueNonce, nonceValid, parseDigest, responseMatches } from './digest-auth.js';
import { decodeBody, ManscdpError, parseManscdp } from './manscdp.js';
import { header, paramOf, parseSip, responseTo, SipParseError, userOf, type SipRequest } from './message.js';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('SIP messages (RFC 3261 §7)', () => {
  const register = crlf([
    'REGISTER sip:21010000002000000001@2101000000 SIP/2.0',
    'Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;rport',
    'v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK0',
    'From: <sip:21010200001320000001@2101000000>;tag=abc',
    'To: <sip:21010200001320000001@2101000000>',
    'Call-ID: 1@10.0.0.5',
    'CSeq: 1 REGISTER',
    'Contact: <sip:21010200001320000001@10.0.0.5:5060>;expires=0',
    'Subject: a folded',
    ' header',
    'Content-Length: 0',
    '',
    '',
  ]);

  it('reads the start line, headers in compact and folded form, and the user of From', () => {
    const m = parseSip(register) as SipRequest;
    expect(m).toMatchObject({ kind: 'request', method: 'REGISTER' });
    expect(userOf(header(m.headers, 'from'))).toBe('21010200001320000001');
    expect(header(m.headers, 'subject')).toBe('a folded header');
    expect(paramOf(header(m.headers, 'contact'), 'expires')).toBe('0');
    expect(m.headers.filter(([k]) => k === 'via')).toHaveLength(2);
  });

  it('answers with the dialog headers copied, a To tag added and the source in the top Via', () => {
    const m = parseSip(register) as SipRequest;
    const out = responseTo(m, 200, 'OK', [['expires', '0']], { address: '192.0.2.7', port: 40000 }, 'srv1').toString();
    expect(out.startsWith('SIP/2.0 200 OK\r\n')).toBe(true);
    expect(out).toContain('Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;rport=40000;received=192.0.2.7');
    expect(out).toContain('To: <sip:21010200001320000001@2101000000>;tag=srv1');
    expect(out).toContain('CSeq: 1 REGISTER');
    expect(out.endsWith('Content-Length: 0\r\n\r\n')).toBe(true);
  });

  it('refuses what is not SIP, and a Content-Length longer than the body', () => {
    expect(() => parseSip(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(SipParseError);
    expect(() => parseSip(crlf(['MESSAGE sip:a@b SIP/2.0', 'Content-Length: 10', '', 'short']))).toThrow(SipParseError);
  });
});

describe('digest authentication (RFC 2617)', () => {
  it('agrees with the worked example of RFC 2617 §3.5', () => {
    const ha1 = ha1Of('Mufasa', 'testrealm@host.com', 'Circle Of Life');
    const c = parseDigest('Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"')!;
    expect(expectedResponse(ha1, 'GET', c)).toBe('6629fae49393a05397450978507c4ef1');
    expect(responseMatches(ha1, 'GET', c)).toBe(true);
    expect(responseMatches(ha1Of('Mufasa', 'testrealm@host.com', 'wrong'), 'GET', c)).toBe(false);
  });

  it('issues nonces it alone can check, for a limited time', () => {
    const secret = Buffer.alloc(32, 7);
    const n = issueNonce(secret, 1_000_000);
    expect(nonceValid(secret, n, 1_000_000 + 60_000, 300_000)).toBe(true);
    expect(nonceValid(secret, n, 1_000_000 + 301_000, 300_000)).toBe(false);
    expect(nonceValid(Buffer.alloc(32, 8), n, 1_000_000, 300_000)).toBe(false);
    expect(nonceValid(secret, 'f4240.000000000000000000000000', 1_000_000, 300_000)).toBe(false);
  });
});

describe('MANSCDP bodies (GB/T 28181 annex A)', () => {
  it('reads a keepalive declared in GB2312, Chinese text included', () => {
    const head = Buffer.from('<?xml version="1.0" encoding="GB2312"?>\r\n<Notify><CmdType>Keepalive</CmdType><SN>7</SN><DeviceID>21010200001320000001</DeviceID><Status>OK</Status><Info>', 'latin1');
    // 正常 in GB2312.
    const zh = Buffer.from([0xd5, 0xfd, 0xb3, 0xa3]);
    const body = Buffer.concat([head, zh, Buffer.from('</Info></Notify>', 'latin1')]);
    expect(decodeBody(body)).toContain('正常');
    expect(parseManscdp(body)).toEqual({ root: 'Notify', fields: { CmdType: 'Keepalive', SN: '7', DeviceID: '21010200001320000001', Status: 'OK', Info: '正常' } });
  });

  it('refuses malformed XML', () => {
    expect(() => parseManscdp(Buffer.from('<Notify><CmdType>Keepalive</Notify>'))).toThrow(ManscdpError);
  });
});
