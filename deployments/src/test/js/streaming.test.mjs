// Streams opened with the SDK from cursor "now": new ledgers arrive one by one as they close, and a new payment
// arrives within a ledger or two of being submitted. An account's stream sends the account again when it changes;
// a closed ledger's stream sends what the ledger holds and nothing more. Every stream is closed by the test that
// opened it.

import assert from 'node:assert/strict';
import test from 'node:test';
import { Asset, Operation } from '@stellar/stellar-sdk';
import { UNIT, fund, nativeBalance, openStream, server, submit, transaction } from './corridor.mjs';

/** Ledger closes awaited at most before a test gives up; generous so that a slow close is reported, not hung. */
const LEDGERS_AWAITED_MAX = 10;
/** Assumed when the node closes ledgers too rarely to measure; the tests' nodes close one every second. */
const CLOSE_INTERVAL_MS_DEFAULT = 1_000;
/** Allowance on top of the ledger closes a delivery may take: HTTP, JSON and the event loop of a busy machine. */
const DELIVERY_SLACK_MS = 750;

// Whatever the SDK handed to onmessage that was not a record, from every stream of this file.
const nonRecords = [];
let closeIntervalMs = CLOSE_INTERVAL_MS_DEFAULT;

test('a ledger stream from "now" delivers each newly closed ledger, in order and chained by hash', async () => {
  const latestAtOpen = (await server.ledgers().order('desc').limit(1).call()).records[0].sequence;
  const stream = openStream(server.ledgers().cursor('now'));
  try {
    const waitMs = LEDGERS_AWAITED_MAX * CLOSE_INTERVAL_MS_DEFAULT;
    const first = await stream.next(() => true, waitMs, 'ledger');
    const second = await stream.next((l) => l.sequence === first.record.sequence + 1, waitMs, 'next ledger');
    const third = await stream.next((l) => l.sequence === first.record.sequence + 2, waitMs, 'ledger after that');
    assert.ok(first.record.sequence > latestAtOpen, `stream from now began at ${first.record.sequence}, `
      + `the latest ledger was ${latestAtOpen} when it was opened`);
    assert.equal(second.record.prev_hash, first.record.hash);
    assert.equal(third.record.prev_hash, second.record.hash);
    const sequences = stream.records.map((entry) => entry.record.sequence);
    assert.deepEqual(sequences, sequences.map((_, i) => sequences[0] + i), 'every ledger once, in order');
    for (const { record } of [first, second, third]) {
      assert.match(record.hash, /^[0-9a-f]{64}$/);
      assert.ok(!Number.isNaN(Date.parse(record.closed_at)));
      assert.ok(Number.isInteger(record.successful_transaction_count));
      assert.ok(Number.isInteger(record.operation_count));
      assert.match(record.total_coins, /^\d+\.\d{7}$/);
    }
    // The interval the later tests allow for, measured rather than assumed, so that a node closing every few
    // seconds is not reported as slow.
    closeIntervalMs = Math.max(CLOSE_INTERVAL_MS_DEFAULT, third.atMs - second.atMs, second.atMs - first.atMs);
  } finally {
    stream.close();
    nonRecords.push(...stream.others);
  }
});

test('a payment stream from "now" delivers a new payment within two ledger closes', async (t) => {
  const { keys: [payer, payee] } = await fund('100', '30');
  const payments = openStream(server.payments().forAccount(payee.publicKey()).cursor('now'));
  const ledgers = openStream(server.ledgers().cursor('now'));
  try {
    // The SDK gives no signal when a stream is connected, and "now" is taken when the request arrives: one
    // ledger close seen on a stream opened at the same time leaves the payment stream ample time to connect.
    await ledgers.next(() => true, LEDGERS_AWAITED_MAX * closeIntervalMs, 'ledger');

    const tx = await transaction(payer, [
      Operation.payment({ destination: payee.publicKey(), asset: Asset.native(), amount: '12.5' }),
    ]);
    const submittedAtMs = Date.now();
    const paid = await submit(tx);
    const deadlineMs = 2 * closeIntervalMs + DELIVERY_SLACK_MS;
    const arrived = await payments.next((p) => p.transaction_hash === paid.hash,
      LEDGERS_AWAITED_MAX * closeIntervalMs, `payment ${paid.hash}`);
    const delayMs = arrived.atMs - submittedAtMs;
    t.diagnostic(`the payment arrived ${delayMs} ms after it was submitted (ledger close interval ${closeIntervalMs} ms)`);
    assert.ok(delayMs <= deadlineMs, `the payment arrived ${delayMs} ms after submission; allowed: two ledger `
      + `closes of ${closeIntervalMs} ms + ${DELIVERY_SLACK_MS} ms`);

    const payment = arrived.record;
    assert.equal(payment.type, 'payment');
    assert.equal(payment.from, payer.publicKey());
    assert.equal(payment.to, payee.publicKey());
    assert.equal(payment.amount, '12.5000000');
    assert.equal(payment.asset_type, 'native');
    assert.equal(payment.transaction_successful, true);
    // Only what happened after the stream opened: not the payee's create_account, which came before.
    assert.deepEqual(payments.records.map((entry) => entry.record.transaction_hash), [paid.hash]);
    // The record's links work like those of a fetched record.
    const ofPayment = await payment.transaction();
    assert.equal(ofPayment.hash, paid.hash);
  } finally {
    payments.close();
    ledgers.close();
    nonRecords.push(...payments.others, ...ledgers.others);
  }
});

test('an effects stream from "now" delivers the credit of a new payment', async () => {
  const { keys: [payer, payee] } = await fund('100', '30');
  const effects = openStream(server.effects().forAccount(payee.publicKey()).cursor('now'));
  const ledgers = openStream(server.ledgers().cursor('now'));
  try {
    await ledgers.next(() => true, LEDGERS_AWAITED_MAX * closeIntervalMs, 'ledger');
    const tx = await transaction(payer, [
      Operation.payment({ destination: payee.publicKey(), asset: Asset.native(), amount: '3.25' }),
    ]);
    await submit(tx);
    const credited = await effects.next((e) => e.type === 'account_credited',
      LEDGERS_AWAITED_MAX * closeIntervalMs, 'account_credited effect');
    assert.equal(credited.record.account, payee.publicKey());
    assert.equal(credited.record.amount, '3.2500000');
    assert.equal(credited.record.asset_type, 'native');
    assert.match(credited.record.paging_token, /^\d+-\d+$/);
    // Only effects after the stream opened: not the payee's account_created.
    assert.ok(effects.records.every((entry) => entry.record.type !== 'account_created'));
  } finally {
    effects.close();
    ledgers.close();
    nonRecords.push(...effects.others, ...ledgers.others);
  }
});

test('an account stream delivers the account, then again once a payment changes its balance', async () => {
  const { keys: [payer, payee] } = await fund('100', '30');
  const account = openStream(server.accounts().accountId(payee.publicKey()));
  try {
    const waitMs = LEDGERS_AWAITED_MAX * closeIntervalMs;
    const funded = 30n * UNIT;
    const first = await account.next(() => true, waitMs, 'the account');
    assert.equal(first.record.id, payee.publicKey());
    assert.equal(nativeBalance(first.record), funded);

    const tx = await transaction(payer, [
      Operation.payment({ destination: payee.publicKey(), asset: Asset.native(), amount: '4.5' }),
    ]);
    const paid = await submit(tx);
    const credited = funded + 45_000_000n;
    const changed = await account.next((a) => nativeBalance(a) === credited, waitMs,
      `the account with its balance after payment ${paid.hash}`);
    assert.equal(changed.record.last_modified_ledger, paid.ledger);
    assert.equal(changed.record.sequence, first.record.sequence, 'receiving a payment leaves the sequence as it was');
    // The account as it was and as it is: no other state was ever sent.
    for (const { record } of account.records) {
      assert.ok([funded, credited].includes(nativeBalance(record)), `unexpected balance ${nativeBalance(record)}`);
    }
  } finally {
    account.close();
    nonRecords.push(...account.others);
  }
});

test("a transaction stream of a closed ledger delivers that ledger's transactions and nothing more", async () => {
  const { response: funding } = await fund('30');
  const { ledger } = funding;
  const page = await server.transactions().forLedger(ledger).limit(200).call();
  const hashes = page.records.map((record) => record.hash);
  assert.ok(hashes.includes(funding.hash), `ledger ${ledger} lists its funding transaction ${funding.hash}`);
  const transactions = openStream(server.transactions().forLedger(ledger));
  const ledgers = openStream(server.ledgers().cursor('now'));
  try {
    const waitMs = LEDGERS_AWAITED_MAX * closeIntervalMs;
    await transactions.next((tx) => tx.hash === hashes.at(-1), waitMs, `the last transaction of ledger ${ledger}`);
    // Two ledger closes later the stream has sent nothing more: a closed ledger's transactions are final.
    const later = await ledgers.next(() => true, waitMs, 'ledger');
    await ledgers.next((l) => l.sequence === later.record.sequence + 1, waitMs, 'the ledger after that');
    assert.deepEqual(transactions.records.map((entry) => entry.record.hash), hashes, 'each once, in order');
    for (const { record } of transactions.records) {
      assert.equal(record.ledger_attr, ledger);
    }
  } finally {
    transactions.close();
    ledgers.close();
    nonRecords.push(...transactions.others, ...ledgers.others);
  }
});

test('streams hand the SDK nothing but records', () => {
  assert.deepEqual(nonRecords, []);
});
