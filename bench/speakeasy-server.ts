// The baseline the endpoint benchmarks measure against: the hosted API's route served by the classic Node stack —
// speakeasy (secret, URI, code) and qrcode (PNG) on node:http — the way that stack is usually written. Run as
// `node --input-type=module -e SPEAKEASY_SERVER`; it prints its URL (a free port on 127.0.0.1) as its first line.
export const SPEAKEASY_SERVER = `
import { createServer } from 'node:http';
import QRCode from 'qrcode';
import speakeasy from 'speakeasy';
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/v1/auth/totp-generate') { res.writeHead(404).end(); return; }
  const issuer = url.searchParams.get('issuer') ?? '', account = url.searchParams.get('account_name');
  const { base32 } = speakeasy.generateSecret({ length: 20 });
  const uri = speakeasy.otpauthURL({ secret: base32, encoding: 'base32', label: issuer + ':' + account, issuer, digits: 6, period: 30, algorithm: 'sha1' });
  const body = JSON.stringify({ secret: base32, uri, qr_code: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M' }), current_code: speakeasy.totp({ secret: base32, encoding: 'base32' }) });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));`;
