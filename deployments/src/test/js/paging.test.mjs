// Paging through an account's history with the SDK's next() and prev(), as wallets list activity: every record
// is visited once, in paging-token order, pages do not overlap, and going back returns the previous records
// (newest first, as Horizon's prev links ask for descending order).

import assert from 'node:assert/strict';
import test from 'node:test';
import { Asset, Keypair, Operation } from '@stellar/stellar-sdk';
import { assertAscending, server, submitFromRoot, token } from './corridor.mjs';

/** The account's payments: its create_account and seven payments, in three transactions. */
const PAYMENTS_TOTAL = 8;
const TRANSACTIONS_TOTAL = 3;

const payee = Keypair.random();
const hashes = [];

function pay(amount) {
  return Operation.payment({ destination: payee.publicKey(), asset: Asset.native(), amount });
}

test.before(async () => {
  const transactions = [
    [Operation.createAccount({ destination: payee.publicKey(), startingBalance: '50' }), pay('1'), pay('2')],
    [pay('3'), pay('4'), pay('5')],
    [pay('6'), pay('7')],
  ];
  for (const operations of transactions) {
    hashes.push((await submitFromRoot(operations)).hash);
  }
});

// Builders are single-use in the SDK (call() rewrites their URL): a fresh one for every request.
function payments() {
  return server.payments().forAccount(payee.publicKey());
}

function transactions() {
  return server.transactions().forAccount(payee.publicKey());
}

function operations() {
  return server.operations().forAccount(payee.publicKey());
}

function ids(page) {
  return page.records.map((r) => r.id);
}

function assertDisjoint(a, b, what) {
  const overlap = a.filter((id) => b.includes(id));
  assert.deepEqual(overlap, [], `${what} overlap`);
}

test('payments page forward with limit and order asc, then back with prev()', async () => {
  const all = await payments().limit(200).order('asc').call();
  assert.equal(all.records.length, PAYMENTS_TOTAL);
  assertAscending(all.records, 'all payments');
  assert.deepEqual(all.records.map((r) => r.amount ?? r.starting_balance),
    ['50.0000000', '1.0000000', '2.0000000', '3.0000000', '4.0000000', '5.0000000', '6.0000000', '7.0000000']);

  const first = await payments().limit(3).order('asc').call();
  const second = await first.next();
  const third = await second.next();
  const beyond = await third.next();
  assert.deepEqual([first, second, third, beyond].map((p) => p.records.length), [3, 3, 2, 0]);
  assertDisjoint(ids(first), ids(second), 'pages 1 and 2');
  assertDisjoint(ids(second), ids(third), 'pages 2 and 3');
  const visited = [...first.records, ...second.records, ...third.records];
  assertAscending(visited, 'payments paged forward');
  assert.deepEqual(visited.map((r) => r.id), ids(all));

  // Back from the third page: the three records before it, newest first.
  const back = await third.prev();
  assert.deepEqual(ids(back), ids(second).reverse());
  // prev() of that descending page turns forward again: the records after it, oldest first.
  const forwardAgain = await back.prev();
  assert.deepEqual(ids(forwardAgain), ids(third));
  const backToStart = await back.next();
  assert.deepEqual(ids(backToStart), ids(first).reverse());
  const beforeStart = await backToStart.next();
  assert.deepEqual(ids(beforeStart), [], 'nothing before the first record');
});

test('payments page backward from the newest with order desc', async () => {
  const all = (await payments().limit(200).order('asc').call()).records;
  const newest = await payments().limit(5).order('desc').call();
  const older = await newest.next();
  assert.deepEqual(ids(newest), all.slice(3).map((r) => r.id).reverse());
  assert.deepEqual(ids(older), all.slice(0, 3).map((r) => r.id).reverse());
  for (const page of [newest, older]) {
    for (let i = 1; i < page.records.length; i++) {
      assert.ok(token(page.records[i - 1]) > token(page.records[i]), 'descending paging tokens');
    }
  }
  // prev() of a descending page goes back towards the newest records, oldest of them first.
  const newerAgain = await older.prev();
  assert.deepEqual(ids(newerAgain), all.slice(3).map((r) => r.id));
});

test('transactions page forward one at a time and back again, with the cursor of a record', async () => {
  const first = await transactions().limit(1).order('asc').call();
  const second = await first.next();
  const third = await second.next();
  assert.deepEqual([first, second, third].map((p) => p.records.map((t) => t.hash)), hashes.map((h) => [h]));
  assert.equal((await third.next()).records.length, 0);
  assert.deepEqual((await third.prev()).records.map((t) => t.hash), [hashes[1]]);

  // A cursor taken from a record continues right after it, as a wallet resumes a listing.
  const resumed = await transactions().cursor(first.records[0].paging_token).limit(10).order('asc').call();
  assert.deepEqual(resumed.records.map((t) => t.hash), hashes.slice(1));
  assert.equal(resumed.records.length, TRANSACTIONS_TOTAL - 1);
});

test('operations of the account page forward across transaction boundaries', async () => {
  const pages = [];
  let page = await operations().limit(2).order('asc').call();
  // Bounded: four pages of two hold the eight operations; the fifth must be empty.
  for (let i = 0; i < 5 && page.records.length > 0; i++) {
    pages.push(page);
    page = await page.next();
  }
  assert.equal(page.records.length, 0);
  const visited = pages.flatMap((p) => p.records);
  assert.equal(visited.length, PAYMENTS_TOTAL);
  assertAscending(visited, 'operations paged forward');
  assert.deepEqual(visited.map((op) => op.transaction_hash),
    [hashes[0], hashes[0], hashes[0], hashes[1], hashes[1], hashes[1], hashes[2], hashes[2]]);
});
