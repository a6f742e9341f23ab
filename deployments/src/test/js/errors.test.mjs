// Every error a wallet meets, with the exact shape of Horizon's problems (type, title, status, detail, extras)
// that the SDK parses: missing resources, malformed identifiers, undecodable envelopes, a stale sequence number
// (refused before any ledger: no fee) and an underfunded payment (fails in a ledger: the fee is charged).

import assert from 'node:assert/strict';
import test from 'node:test';
import {
  Account, Asset, Keypair, NetworkError, NotFoundError, Operation, xdr,
} from '@stellar/stellar-sdk';
import {
  BASE_FEE, UNIT, assertProblem, assertProblemBody, assertTransactionFailed, balanceOf, fund, http, postTransaction,
  server, submitRefused, transaction,
} from './corridor.mjs';

const NO_SUCH_HASH = '00'.repeat(32);
const MALFORMED_TITLE = 'Transaction Malformed';

/** Calls the SDK and returns what it threw; fails if it did not throw. */
async function rejection(call) {
  let value;
  try {
    value = await call();
  } catch (error) {
    return error;
  }
  return assert.fail(`expected an error, got ${JSON.stringify(value).slice(0, 300)}`);
}

/** The SDK's NotFoundError carries Horizon's problem body as its response. */
function assertNotFound(error) {
  assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${error?.constructor?.name}: ${error}`);
  assert.equal(error.getResponse(), error.response);
  assertProblemBody(error.response, { status: 404, type: 'not_found', title: 'Resource Missing' });
}

/** Builds a transaction whose envelope the node must decode: a random payment signed by a random key. */
async function someEnvelope() {
  const source = Keypair.random();
  const tx = await transaction(source, [
    Operation.payment({ destination: Keypair.random().publicKey(), asset: Asset.native(), amount: '1' }),
  ], { sourceAccount: new Account(source.publicKey(), '1') });
  return tx.toEnvelope().toXDR();
}

test('loadAccount() of an unknown account: NotFoundError with Horizon\'s not_found problem', async () => {
  const unknown = Keypair.random().publicKey();
  assertNotFound(await rejection(() => server.loadAccount(unknown)));
  assertProblem(await http('GET', `/accounts/${unknown}`), { status: 404, type: 'not_found', title: 'Resource Missing' });
});

test('unknown transaction and ledger: NotFoundError with Horizon\'s not_found problem', async () => {
  assertNotFound(await rejection(() => server.transactions().transaction(NO_SUCH_HASH).call()));
  assertNotFound(await rejection(() => server.operations().forTransaction(NO_SUCH_HASH).call()));
  assertNotFound(await rejection(() => server.ledgers().ledger(2_000_000_000).call()));
  assertProblem(await http('GET', `/transactions/${NO_SUCH_HASH}`),
    { status: 404, type: 'not_found', title: 'Resource Missing' });
});

test('a malformed account id or transaction hash in a path: 400 bad_request naming the field', async () => {
  const error = await rejection(() => server.loadAccount('GNOTANACCOUNT'));
  assert.ok(error instanceof NetworkError && !(error instanceof NotFoundError), `got ${error?.constructor?.name}`);
  assertProblemBody(error.response, { status: 400, type: 'bad_request', title: 'Bad Request' });
  assert.equal(error.response.extras.invalid_field, 'account_id');
  assert.equal(typeof error.response.extras.reason, 'string');

  for (const [path, field] of [
    ['/accounts/GNOTANACCOUNT', 'account_id'],
    ['/accounts/GNOTANACCOUNT/payments', 'account_id'],
    ['/accounts/GNOTANACCOUNT/transactions', 'account_id'],
    ['/transactions/not-a-hash', 'tx_id'],
  ]) {
    const problem = assertProblem(await http('GET', path), { status: 400, type: 'bad_request', title: 'Bad Request' });
    assert.equal(problem.extras?.invalid_field, field, `invalid_field of ${path}`);
  }
});

test('POST /transactions with tx=notxdr: 400 transaction_malformed echoing the envelope', async () => {
  const problem = assertProblem(await postTransaction('tx=notxdr'),
    { status: 400, type: 'transaction_malformed', title: MALFORMED_TITLE });
  assert.equal(problem.extras.envelope_xdr, 'notxdr');
});

test('the SDK submitting bytes that are no envelope: 400 transaction_malformed in the error\'s response', async () => {
  const garbage = Buffer.from('these bytes are no transaction envelope');
  // The SDK's submitTransaction sends whatever the transaction's envelope encodes to; this one encodes to garbage.
  const notATransaction = { toEnvelope: () => ({ toXDR: () => garbage }) };
  const error = await rejection(() => server.submitTransaction(notATransaction, { skipMemoRequiredCheck: true }));
  assert.equal(error.response?.status, 400, `got ${error}`);
  assertProblemBody(error.response.data, { status: 400, type: 'transaction_malformed', title: MALFORMED_TITLE });
  assert.equal(error.response.data.extras.envelope_xdr, garbage.toString('base64'));
});

test('an envelope followed by extra bytes is malformed', async () => {
  const envelope = Buffer.concat([await someEnvelope(), Buffer.alloc(4)]).toString('base64');
  const problem = assertProblem(await postTransaction(`tx=${encodeURIComponent(envelope)}`),
    { status: 400, type: 'transaction_malformed', title: MALFORMED_TITLE });
  assert.equal(problem.extras.envelope_xdr, envelope);
});

test('a truncated envelope is malformed', async () => {
  const whole = await someEnvelope();
  const envelope = whole.subarray(0, whole.length - 8).toString('base64');
  const problem = assertProblem(await postTransaction(`tx=${encodeURIComponent(envelope)}`),
    { status: 400, type: 'transaction_malformed', title: MALFORMED_TITLE });
  assert.equal(problem.extras.envelope_xdr, envelope);
});

test('an empty or missing tx is malformed', async () => {
  for (const body of ['tx=', '']) {
    const problem = assertProblem(await postTransaction(body),
      { status: 400, type: 'transaction_malformed', title: MALFORMED_TITLE });
    assert.equal(problem.extras.envelope_xdr, '');
  }
});

test('a submission that is not a form: 415 unsupported_media_type', async () => {
  const envelope = (await someEnvelope()).toString('base64');
  assertProblem(await http('POST', '/transactions', {
    body: JSON.stringify({ tx: envelope }),
    headers: { 'Content-Type': 'application/json' },
  }), { status: 415, type: 'unsupported_media_type', title: 'Unsupported Media Type' });
});

test('a stale sequence number: tx_bad_seq before any ledger, no fee, sequence unchanged', async () => {
  const { keys: [sender] } = await fund('100');
  const account = await server.loadAccount(sender.publicKey());
  const sequence = BigInt(account.sequence);
  const balance = await balanceOf(sender);
  for (const stale of [sequence - 1n, sequence + 5n]) {
    const tx = await transaction(sender, [
      Operation.payment({ destination: Keypair.random().publicKey(), asset: Asset.native(), amount: '1' }),
    ], { sourceAccount: new Account(sender.publicKey(), stale.toString()) });
    const error = await submitRefused(tx);
    // The SDK rethrows the HTTP client's error: the problem is in error.response.data, as wallets read it.
    assert.equal(error.response?.data?.extras?.result_codes?.transaction, 'tx_bad_seq');
    const result = assertTransactionFailed(error, tx, 'tx_bad_seq', undefined);
    assert.equal(result.result().switch(), xdr.TransactionResultCode.txBadSeq());
  }
  assert.equal(await balanceOf(sender), balance, 'no fee for a transaction refused before a ledger');
  assert.equal(BigInt((await server.loadAccount(sender.publicKey())).sequence), sequence);
});

test('an underfunded payment fails in a ledger with op_underfunded and still pays its fee', async () => {
  const { keys: [sender, receiver] } = await fund('30', '25');
  const account = await server.loadAccount(sender.publicKey());
  const sequence = BigInt(account.sequence);
  const tx = await transaction(sender, [
    Operation.payment({ destination: receiver.publicKey(), asset: Asset.native(), amount: '1000' }),
  ], { sourceAccount: account });
  const error = await submitRefused(tx);
  const result = assertTransactionFailed(error, tx, 'tx_failed', ['op_underfunded']);
  assert.equal(BigInt(result.feeCharged().toString()), BASE_FEE);
  const [operation] = result.result().results();
  assert.equal(operation.tr().paymentResult().switch(), xdr.PaymentResultCode.paymentUnderfunded());

  assert.equal(await balanceOf(sender), 30n * UNIT - BASE_FEE);
  assert.equal(await balanceOf(receiver), 25n * UNIT);
  assert.equal(BigInt((await server.loadAccount(sender.publicKey())).sequence), sequence + 1n);

  // The failed transaction is history: readable by hash, listed per account only when failures are asked for.
  const hash = tx.hash().toString('hex');
  const read = await server.transactions().transaction(hash).call();
  assert.equal(read.successful, false);
  assert.equal(BigInt(read.fee_charged), BASE_FEE);
  assert.equal(xdr.TransactionResult.fromXDR(read.result_xdr, 'base64').result().switch().name, 'txFailed');
  const listed = (await server.transactions().forAccount(sender.publicKey()).call()).records;
  assert.ok(!listed.some((t) => t.hash === hash), 'failed transactions are left out by default');
  const withFailed = (await server.transactions().forAccount(sender.publicKey()).includeFailed(true).call()).records;
  assert.deepEqual(withFailed.filter((t) => !t.successful).map((t) => t.hash), [hash]);
});

test('operations of a failed transaction are listed when asked for by its hash', async () => {
  const { keys: [sender] } = await fund('30');
  const tx = await transaction(sender, [
    Operation.payment({ destination: Keypair.random().publicKey(), asset: Asset.native(), amount: '1' }),
  ]);
  assertTransactionFailed(await submitRefused(tx), tx, 'tx_failed', ['op_no_destination']);
  const hash = tx.hash().toString('hex');
  // As in Horizon: asking for one transaction's operations implies include_failed.
  const operations = (await server.operations().forTransaction(hash).call()).records;
  assert.deepEqual(operations.map((op) => [op.type, op.transaction_successful]), [['payment', false]]);
  const payments = (await server.payments().forTransaction(hash).call()).records;
  assert.equal(payments.length, 1);
});
