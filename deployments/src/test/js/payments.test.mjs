// A wallet's everyday work through the SDK: load accounts, create and pay them, submit a transaction of several
// operations, and read everything back by hash and per account. Every balance and fee is checked to the smallest
// unit. Accounts are funded by the root account; the checks use only the suite's own fresh accounts, so other
// clients of the node cannot disturb them.

import assert from 'node:assert/strict';
import test from 'node:test';
import { Asset, Keypair, Operation, StrKey, xdr } from '@stellar/stellar-sdk';
import {
  BASE_FEE, UNIT, assertAscending, balanceOf, fund, nativeBalance, network, server, submit, transaction, units,
} from './corridor.mjs';

const DATA_NAME = 'corridor.js-sdk';
const DATA_VALUE = 'black-box';

// Filled in as the tests go, in file order: node:test runs a file's top-level tests one after the other.
const state = {};

test('loadAccount() of the root account exposes balances, sequence, thresholds, flags and signers', async () => {
  const { root } = await network();
  const account = await server.loadAccount(root.publicKey());
  assert.equal(account.accountId(), root.publicKey());
  assert.equal(account.id, root.publicKey());
  assert.equal(account.account_id, root.publicKey());
  assert.match(account.sequence, /^\d+$/);
  assert.equal(account.sequenceNumber(), account.sequence);
  assert.ok(nativeBalance(account) > 0n);
  for (const balance of account.balances) {
    units(balance.balance);
    assert.equal(balance.buying_liabilities, '0.0000000');
    assert.equal(balance.selling_liabilities, '0.0000000');
  }
  for (const threshold of ['low_threshold', 'med_threshold', 'high_threshold']) {
    const value = account.thresholds[threshold];
    assert.ok(Number.isInteger(value) && value >= 0 && value <= 255, `${threshold}: ${value}`);
  }
  for (const flag of ['auth_required', 'auth_revocable', 'auth_immutable', 'auth_clawback_enabled']) {
    assert.equal(typeof account.flags[flag], 'boolean', `flags.${flag}`);
  }
  const master = account.signers.find((s) => s.key === root.publicKey());
  assert.ok(master, 'the master key is among the signers');
  assert.equal(master.type, 'ed25519_public_key');
  assert.ok(master.weight >= 1);
  assert.ok(Number.isInteger(account.subentry_count));
  assert.ok(Number.isInteger(account.last_modified_ledger));
  assert.ok(Number.isInteger(account.num_sponsoring));
  assert.ok(Number.isInteger(account.num_sponsored));
  assert.equal(typeof account.data_attr, 'object');
  assert.equal(account.paging_token, root.publicKey());
});

test('created accounts start with their exact balance, default settings and a sequence of ledger << 32', async () => {
  const { keys: [alice, bob], response } = await fund('100', '50');
  assert.equal(response.successful, true);
  assert.equal(BigInt(response.fee_charged), 2n * BASE_FEE, 'two create_account operations');
  const account = await server.loadAccount(alice.publicKey());
  assert.equal(nativeBalance(account), 100n * UNIT);
  assert.equal(BigInt(account.sequence), BigInt(response.ledger) << 32n);
  assert.deepEqual(account.thresholds, { low_threshold: 0, med_threshold: 0, high_threshold: 0 });
  assert.deepEqual(account.flags, {
    auth_required: false, auth_revocable: false, auth_immutable: false, auth_clawback_enabled: false,
  });
  assert.deepEqual(account.signers, [{ key: alice.publicKey(), weight: 1, type: 'ed25519_public_key' }]);
  assert.equal(account.subentry_count, 0);
  assert.deepEqual(account.data_attr, {});
  assert.equal(await balanceOf(bob), 50n * UNIT);
  Object.assign(state, { alice, bob, fundingHash: response.hash });
});

test('a payment moves the exact amount and costs the sender one base fee', async () => {
  const { alice, bob } = state;
  const before = await server.loadAccount(alice.publicKey());
  // Taken before building: the SDK's builder increments the sequence number of the account it is given.
  const sequenceBefore = BigInt(before.sequence);
  const tx = await transaction(alice, [
    Operation.payment({ destination: bob.publicKey(), asset: Asset.native(), amount: '25.5' }),
  ], { sourceAccount: before });
  const paid = await submit(tx);
  assert.equal(paid.successful, true);
  assert.equal(paid.hash, tx.hash().toString('hex'));
  assert.ok(Number.isInteger(paid.ledger) && paid.ledger > 0);
  assert.equal(paid.envelope_xdr, tx.toEnvelope().toXDR('base64'));
  assert.equal(BigInt(paid.fee_charged), BASE_FEE);
  const result = xdr.TransactionResult.fromXDR(paid.result_xdr, 'base64');
  assert.equal(result.result().switch().name, 'txSuccess');
  assert.equal(BigInt(result.feeCharged().toString()), BASE_FEE);

  const after = await server.loadAccount(alice.publicKey());
  assert.equal(nativeBalance(after), 100n * UNIT - 255n * UNIT / 10n - BASE_FEE);
  assert.equal(BigInt(after.sequence), sequenceBefore + 1n);
  assert.equal(await balanceOf(bob), 50n * UNIT + 255n * UNIT / 10n);
  state.paymentHash = paid.hash;
});

test('one transaction creates an account, pays and sets data: three operations, three base fees', async () => {
  const { alice, bob } = state;
  const carol = Keypair.random();
  const aliceBefore = await balanceOf(alice);
  const bobBefore = await balanceOf(bob);
  const tx = await transaction(alice, [
    Operation.createAccount({ destination: carol.publicKey(), startingBalance: '25' }),
    Operation.payment({ destination: bob.publicKey(), asset: Asset.native(), amount: '1.2345678' }),
    Operation.manageData({ name: DATA_NAME, value: DATA_VALUE }),
  ]);
  const done = await submit(tx);
  assert.equal(done.successful, true);
  assert.equal(BigInt(done.fee_charged), 3n * BASE_FEE);
  assert.equal(BigInt(done.max_fee), 3n * BASE_FEE);
  assert.equal(done.operation_count, 3);

  const alice2 = await server.loadAccount(alice.publicKey());
  assert.equal(nativeBalance(alice2), aliceBefore - 25n * UNIT - 12_345_678n - 3n * BASE_FEE);
  assert.equal(alice2.subentry_count, 1, 'the data entry is a subentry');
  assert.equal(alice2.data_attr[DATA_NAME], Buffer.from(DATA_VALUE).toString('base64'));
  assert.equal(await balanceOf(bob), bobBefore + 12_345_678n);
  assert.equal(await balanceOf(carol), 25n * UNIT);
  Object.assign(state, { carol, multiHash: done.hash, multiLedger: done.ledger });
});

test('transactions().transaction(hash) reads a transaction back with its fee, source and ledger', async () => {
  const { alice, multiHash, multiLedger } = state;
  const read = await server.transactions().transaction(multiHash).call();
  assert.equal(read.hash, multiHash);
  assert.equal(read.id, multiHash);
  assert.equal(read.successful, true);
  assert.equal(read.ledger_attr, multiLedger);
  assert.equal(read.source_account, alice.publicKey());
  assert.equal(read.fee_account, alice.publicKey());
  assert.equal(BigInt(read.fee_charged), 3n * BASE_FEE);
  assert.equal(BigInt(read.max_fee), 3n * BASE_FEE);
  assert.equal(read.operation_count, 3);
  assert.equal(read.memo_type, 'none');
  assert.equal(read.signatures.length, 1);
  assert.ok(!Number.isNaN(Date.parse(read.created_at)));
  assert.match(read.paging_token, /^\d+$/);
  xdr.TransactionEnvelope.fromXDR(read.envelope_xdr, 'base64');
  assert.equal(xdr.TransactionResult.fromXDR(read.result_xdr, 'base64').result().switch().name, 'txSuccess');

  // The SDK turns the record's links into calls: the ledger and the operations of the transaction.
  const ledger = await read.ledger();
  assert.equal(ledger.sequence, multiLedger);
  assert.ok(ledger.successful_transaction_count >= 1);
  assert.ok(ledger.operation_count >= 3);
  const viaLink = await read.operations();
  assert.deepEqual(viaLink.records.map((op) => op.type), ['create_account', 'payment', 'manage_data']);
});

test('operations and payments of a transaction carry each operation\'s details', async () => {
  const { alice, bob, carol, multiHash } = state;
  const operations = (await server.operations().forTransaction(multiHash).call()).records;
  assert.deepEqual(operations.map((op) => op.type), ['create_account', 'payment', 'manage_data']);
  assert.deepEqual(operations.map((op) => op.type_i), [0, 1, 10]);
  assertAscending(operations, 'operations of the transaction');
  for (const op of operations) {
    assert.equal(op.transaction_hash, multiHash);
    assert.equal(op.transaction_successful, true);
    assert.equal(op.source_account, alice.publicKey());
    assert.ok(!Number.isNaN(Date.parse(op.created_at)));
  }
  const [create, payment, data] = operations;
  assert.equal(create.account, carol.publicKey());
  assert.equal(create.funder, alice.publicKey());
  assert.equal(create.starting_balance, '25.0000000');
  assert.equal(payment.from, alice.publicKey());
  assert.equal(payment.to, bob.publicKey());
  assert.equal(payment.asset_type, 'native');
  assert.equal(payment.amount, '1.2345678');
  assert.equal(data.name, DATA_NAME);
  assert.equal(data.value, Buffer.from(DATA_VALUE).toString('base64'));

  const payments = (await server.payments().forTransaction(multiHash).call()).records;
  assert.deepEqual(payments.map((op) => op.id), [create.id, payment.id], 'create_account counts as a payment');
});

test('per account: transactions, operations and payments in ledger order', async () => {
  const { alice, bob, carol, fundingHash, paymentHash, multiHash } = state;
  const transactions = (await server.transactions().forAccount(alice.publicKey()).call()).records;
  assert.deepEqual(transactions.map((t) => t.hash), [fundingHash, paymentHash, multiHash]);
  assertAscending(transactions, 'transactions of alice');

  const bobPayments = (await server.payments().forAccount(bob.publicKey()).call()).records;
  assert.deepEqual(bobPayments.map((p) => [p.type, p.amount ?? p.starting_balance]),
    [['create_account', '50.0000000'], ['payment', '25.5000000'], ['payment', '1.2345678']]);
  assert.ok(StrKey.isValidEd25519PublicKey(bobPayments[0].funder));
  assertAscending(bobPayments, 'payments of bob');

  const newestFirst = (await server.payments().forAccount(bob.publicKey()).order('desc').call()).records;
  assert.deepEqual(newestFirst.map((p) => p.id), bobPayments.map((p) => p.id).reverse());

  const carolOperations = (await server.operations().forAccount(carol.publicKey()).call()).records;
  assert.deepEqual(carolOperations.map((op) => [op.type, op.transaction_hash]), [['create_account', multiHash]]);
  const aliceOperations = (await server.operations().forAccount(alice.publicKey()).call()).records;
  assert.deepEqual(aliceOperations.map((op) => op.type),
    ['create_account', 'payment', 'create_account', 'payment', 'manage_data']);
});
