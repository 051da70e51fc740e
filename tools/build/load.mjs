// Mixed read/write load at a fixed rate through the local API, then a check of every acknowledged write
// against DynamoDB Local. Usage: node load.mjs <api-url> <dynamodb-url> <table> <seconds> <rate> <report.md>
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';

const [apiUrl, dynamoUrl, table, seconds, rate, reportPath] = process.argv.slice(2);
const run = Date.now().toString(36).toUpperCase();
// What run_api's write functions require: a sub and the scope campaigns/write (decoded, not verified, locally).
const token = 'Bearer ' + b64url('{"alg":"none"}') + '.' + b64url('{"sub":"load","scope":"campaigns/write"}') + '.x';
const acknowledged = new Set();
const answered = new Set();
const sent = new Set();
const statuses = {};
let next = 0;

function b64url(text) {
  return Buffer.from(text).toString('base64url');
}

function campaign(code) {
  return JSON.stringify({
    code, description: 'Load test', discountPercentage: 10,
    productId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', termsConditionsLink: 'https://example.com/terms',
    fromDate: '2025-01-01', toDate: '2099-12-31',
  });
}

const create = {
  method: 'POST', path: '/v1.0/campaigns',
  headers: { 'content-type': 'application/json', authorization: token },
  setupRequest: (request, context) => {
    context.code = `LOAD-${run}-${next++}`;
    sent.add(context.code);
    return { ...request, body: campaign(context.code) };
  },
  onResponse: (status, body, context) => {
    answered.add(context.code);
    if (status === 201) acknowledged.add(context.code);
  },
};
const list = { method: 'GET', path: '/v1.0/campaigns?limit=20' };
const get = { method: 'GET', path: '/v1.0/campaigns/LOAD-SEED' };
const update = {
  method: 'PUT', path: '/v1.0/campaigns/LOAD-SEED',
  headers: { 'content-type': 'application/json', authorization: token },
  body: campaign('LOAD-SEED'),
};

// Seed the item that get and update use.
const seed = await fetch(apiUrl + '/v1.0/campaigns', { method: 'POST', headers: create.headers, body: campaign('LOAD-SEED') });
if (![201, 409].includes(seed.status)) throw new Error(`seeding failed: ${seed.status}`);

// 50% reads of one item, 20% lists, 20% creates, 10% updates.
const result = await autocannon({
  url: apiUrl, connections: 8, duration: Number(seconds), overallRate: Number(rate),
  requests: [get, list, create, get, update, get, list, create, get, get],
  setupClient: (client) => client.on('response', (statusCode) => { statuses[statusCode] = (statuses[statusCode] ?? 0) + 1; }),
});

const stored = await scanCodes(`LOAD-${run}-`);
const lost = [...acknowledged].filter((code) => !stored.has(code));
// autocannon stops at the deadline without waiting for requests in flight; their outcome was never
// seen, so they are reported apart. A phantom is a stored item whose create was refused or never sent.
const inFlight = [...sent].filter((code) => !answered.has(code));
const phantom = [...stored].filter((code) => !acknowledged.has(code) && !inFlight.includes(code));
const fiveXx = Object.entries(statuses).filter(([code]) => code >= 500).reduce((n, [, c]) => n + c, 0);

const lines = [
  `Load run \`${new Date().toISOString()}\`: ${seconds} s at a target of ${rate} requests/s over 8 connections`,
  '(50% get, 20% list, 20% create, 10% update), through the local emulator to the AOT binaries and DynamoDB Local.',
  '',
  '| Requests | Throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | Errors | 5xx | Status codes |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  `| ${result.requests.total} | ${result.requests.average} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${result.errors + result.timeouts} | ${fiveXx} | ${Object.entries(statuses).map(([c, n]) => `${c}: ${n}`).join(', ')} |`,
  '',
  `Creates sent: ${sent.size}; acknowledged (201): ${acknowledged.size}; still in flight when the run stopped (outcome unseen): ${inFlight.length}; found in the table afterwards: ${stored.size};`,
  `lost (acknowledged but missing): ${lost.length}; phantom (stored but not acknowledged): ${phantom.length}.`,
];
writeFileSync(reportPath, lines.join('\n') + '\n');
console.log(lines.join('\n'));
process.exit(fiveXx === 0 && lost.length === 0 && phantom.length === 0 && result.errors === 0 ? 0 : 1);

// DynamoDB Local checks no signature, only that the header is SigV4-shaped; never point this at AWS.
async function scanCodes(prefix) {
  const codes = new Set();
  let start;
  do {
    const response = await fetch(dynamoUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify({ TableName: table, ExclusiveStartKey: start, ProjectionExpression: 'code' }),
    });
    const page = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(page));
    for (const item of page.Items) if (item.code.S.startsWith(prefix)) codes.add(item.code.S);
    start = page.LastEvaluatedKey;
  } while (start);
  return codes;
}
