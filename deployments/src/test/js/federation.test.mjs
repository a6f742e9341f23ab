// SEP-2 federation as a wallet uses it through the SDK's Federation.Server: an address the bank registered
// through the node's admin API resolves to its account and memo, and an unknown address is a 404.
//
// Registering needs CORRIDOR_ADMIN_TOKEN. Without it, or against a node that has no federation admin API (PUT
// answers 404), the registration test is skipped with the reason; with the token and the API present, every
// check is strict.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import test from 'node:test';
import { Federation } from '@stellar/stellar-sdk';
import { ADMIN_TOKEN, FEDERATION_DOMAIN, NODE_URL, fund, http } from './corridor.mjs';

const FEDERATION_URL = `${NODE_URL}/federation`;
/** Domains are case-insensitive and the node answers them in lower case. */
const DOMAIN = FEDERATION_DOMAIN.toLowerCase();
const MEMO = '42';

/** Names unique to this run, so that reruns against the same node never meet an earlier registration. */
function uniqueName(prefix) {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

function adminPath(address) {
  return `/admin/federation/${encodeURIComponent(address)}`;
}

function register(address, record, token = ADMIN_TOKEN) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  return http('PUT', adminPath(address), { body: JSON.stringify(record), headers });
}

function federationServer() {
  return new Federation.Server(FEDERATION_URL, DOMAIN, { allowHttp: true });
}

/** Whether the node says it serves federation: its stellar.toml names a FEDERATION_SERVER. */
async function federationAnnounced() {
  const toml = await http('GET', '/.well-known/stellar.toml');
  const line = toml.status === 200 ? toml.text.split('\n').find((l) => l.startsWith('FEDERATION_SERVER=')) : undefined;
  if (line) {
    assert.equal(line, `FEDERATION_SERVER="${FEDERATION_URL}"`, 'stellar.toml names this node\'s federation server');
  }
  return line !== undefined;
}

// Set by the registration test: federation answers for real on this node.
let registered = false;

test('an address registered through the admin API resolves with Federation.Server', async (t) => {
  if (!ADMIN_TOKEN) {
    t.skip('CORRIDOR_ADMIN_TOKEN is not set: cannot register a federation address; set it to test federation');
    return;
  }
  const { keys: [holder] } = await fund('25');
  const name = uniqueName('js-sdk');
  const address = `${name}*${DOMAIN}`;
  const record = { account_id: holder.publicKey(), memo_type: 'id', memo: MEMO, kind: 'username' };
  const created = await register(address, record);
  if (created.status === 404) {
    t.skip(`the node has no federation admin API (PUT ${NODE_URL}${adminPath(address)} answered 404); `
      + 'federation not tested');
    return;
  }
  try {
    assert.equal(created.status, 201, `registration of ${address}: ${created.text.slice(0, 500)}`);
    assert.match(created.contentType, /^application\/json/);
    assert.equal(created.json.stellar_address, address);
    assert.equal(created.json.account_id, holder.publicKey());
    assert.equal(created.json.memo_type, 'id');
    assert.equal(created.json.memo, MEMO);
    assert.equal(created.json.kind, 'username');
    registered = true;

    const again = await register(address, record);
    assert.equal(again.status, 200, `registering the same record again is idempotent: ${again.text.slice(0, 300)}`);

    const federation = federationServer();
    for (const query of [address, name]) {
      const resolved = await federation.resolveAddress(query);
      assert.equal(resolved.account_id, holder.publicKey(), `account of ${query}`);
      assert.equal(resolved.memo_type, 'id');
      assert.equal(resolved.memo, MEMO, 'SEP-2 memos are strings');
      assert.equal(resolved.stellar_address, address);
    }
    const reverse = await federation.resolveAccountId(holder.publicKey());
    assert.equal(reverse.stellar_address, address);
    assert.equal(reverse.account_id, holder.publicKey());
  } finally {
    if (created.status === 201 || created.status === 200) {
      const removed = await http('DELETE', adminPath(address), { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(removed.status, 204, `removal of ${address}: ${removed.text.slice(0, 300)}`);
    }
  }
});

test('an unknown address is a 404 that the SDK reports with the response', async (t) => {
  if (!registered && !(await federationAnnounced())) {
    t.skip('the node announces no FEDERATION_SERVER in its stellar.toml and no address could be registered; '
      + 'federation not tested');
    return;
  }
  const unknown = `${uniqueName('nobody')}*${DOMAIN}`;
  let error;
  try {
    await federationServer().resolveAddress(unknown);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error, `${unknown} resolved`);
  assert.equal(error.response?.status, 404, `SDK error for ${unknown}: ${error}`);
  // SEP-2 puts the reason of a failed lookup in the body's detail.
  assert.equal(typeof error.response.data?.detail, 'string', JSON.stringify(error.response.data));
});

test('the admin API refuses a registration without the admin token', async (t) => {
  const address = `${uniqueName('intruder')}*${DOMAIN}`;
  const refused = await register(address, { account_id: 'G'.padEnd(56, 'A'), kind: 'username' }, '');
  if (refused.status === 404) {
    t.skip(`the node has no federation admin API (PUT ${NODE_URL}${adminPath(address)} answered 404)`);
    return;
  }
  // 503: a node started without an admin token has the admin API switched off, which refuses as well.
  const expected = ADMIN_TOKEN ? [401] : [401, 503];
  assert.ok(expected.includes(refused.status), `PUT without a token answered ${refused.status}: ${refused.text}`);
  assert.match(refused.contentType, /^application\/problem\+json/);
  if (refused.status === 401) {
    assert.match(refused.headers.get('www-authenticate') ?? '', /^Bearer /);
  }
});
