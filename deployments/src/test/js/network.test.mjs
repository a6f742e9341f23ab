// The node's root document and fee statistics, as the SDK reads them before building a transaction.

import assert from 'node:assert/strict';
import test from 'node:test';
import { BASE_FEE, network, server } from './corridor.mjs';

const PERCENTILES = ['p10', 'p20', 'p30', 'p40', 'p50', 'p60', 'p70', 'p80', 'p90', 'p95', 'p99'];

test('GET / announces the network passphrase, the latest ledgers and the protocol version', async () => {
  const { rootDocument: root, passphrase } = await network();
  assert.ok(passphrase.length > 0);
  for (const field of ['history_latest_ledger', 'history_elder_ledger', 'core_latest_ledger', 'ingest_latest_ledger',
    'current_protocol_version', 'core_supported_protocol_version']) {
    assert.ok(Number.isInteger(root[field]) && root[field] >= 0, `${field}: ${root[field]}`);
  }
  assert.ok(root.history_latest_ledger >= root.history_elder_ledger);
  assert.equal(typeof root.horizon_version, 'string');
  assert.equal(typeof root.core_version, 'string');
  assert.ok(!Number.isNaN(Date.parse(root.history_latest_ledger_closed_at)), 'history_latest_ledger_closed_at');
  assert.equal(typeof root._links?.transactions?.href, 'string');
});

test('feeStats() reports the last ledger, its base fee and both fee distributions as strings', async () => {
  const stats = await server.feeStats();
  assert.match(stats.last_ledger, /^\d+$/);
  assert.equal(BigInt(stats.last_ledger_base_fee), BASE_FEE);
  assert.match(stats.ledger_capacity_usage, /^\d+(\.\d+)?$/);
  const usage = Number(stats.ledger_capacity_usage);
  assert.ok(usage >= 0 && usage <= 1, `ledger_capacity_usage ${usage}`);
  for (const distribution of ['fee_charged', 'max_fee']) {
    const d = stats[distribution];
    assert.deepEqual(Object.keys(d).sort(), ['max', 'min', 'mode', ...PERCENTILES].sort(), distribution);
    for (const [key, value] of Object.entries(d)) {
      assert.match(value, /^\d+$/, `${distribution}.${key}`);
    }
    const ordered = ['min', ...PERCENTILES, 'max'].map((key) => BigInt(d[key]));
    for (let i = 1; i < ordered.length; i++) {
      assert.ok(ordered[i - 1] <= ordered[i], `${distribution} is not monotonic: ${JSON.stringify(d)}`);
    }
    // No transaction on Corridor can be charged less than the base fee of one operation.
    assert.ok(BigInt(d.min) >= BASE_FEE, `${distribution}.min ${d.min}`);
  }
  assert.equal(BigInt(await server.fetchBaseFee()), BASE_FEE);
});
