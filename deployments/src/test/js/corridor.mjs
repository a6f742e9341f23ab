// What every test file of the suite shares: the node under test, its network as the node itself announces it,
// the root account, and the few helpers the checks need. Amounts are compared as BigInt smallest units (the API
// shows 7 decimals), never as floating point, so that a balance is checked to the last unit.
//
// Environment:
//   CORRIDOR_URL                the node's API, e.g. http://127.0.0.1:8080 (required)
//   CORRIDOR_ADMIN_TOKEN        the node's admin token, for registering a federation address (optional)
//   CORRIDOR_FEDERATION_DOMAIN  the domain the node's federation server serves (default corridor.local)

import assert from 'node:assert/strict';
import { Horizon, Keypair, Operation, TransactionBuilder, hash, xdr } from '@stellar/stellar-sdk';

function requiredUrl() {
  const url = process.env.CORRIDOR_URL;
  if (!url) {
    throw new Error('CORRIDOR_URL is not set: point it at a running Corridor node, '
      + 'e.g. CORRIDOR_URL=http://127.0.0.1:8080 node --test');
  }
  return url.replace(/\/+$/, '');
}

export const NODE_URL = requiredUrl();
export const ADMIN_TOKEN = process.env.CORRIDOR_ADMIN_TOKEN ?? '';
export const FEDERATION_DOMAIN = process.env.CORRIDOR_FEDERATION_DOMAIN || 'corridor.local';

/** Smallest units in one unit of an asset: the API shows amounts with 7 decimals. */
export const UNIT = 10_000_000n;
/** Fee per operation on Corridor's networks: 0.0001 of the native asset. */
export const BASE_FEE = 1_000n;
/** Validity window given to every transaction the suite builds. */
export const TX_TIMEOUT_S = 60;
/** Bound on each of the suite's own HTTP requests (the SDK has its own). */
export const HTTP_TIMEOUT_MS = 30_000;
/**
 * Tries of a submission from the root account. `node --test` runs test files in parallel on machines with more
 * than two cores, and every file funds its accounts from the root account: another file's transaction may take
 * the sequence number (tx_bad_seq) or wait for the next ledger (503 try_again_later: one transaction per source
 * account and ledger), and the submission is tried again.
 */
const ROOT_SUBMISSION_TRIES_MAX = 20;
/** Pause before trying again after try_again_later: half the tests' ledger close interval. */
const ROOT_SUBMISSION_PAUSE_MS = 500;

/** The SDK's Horizon client, as a wallet would create it for a node on the loopback interface. */
export const server = new Horizon.Server(NODE_URL, { allowHttp: true });

let networkPromise;

/**
 * The network as the node announces it on GET /: its passphrase, and the root account, whose secret seed is
 * the network id (SHA-256 of the passphrase), as on every Stellar network.
 */
export function network() {
  networkPromise ??= (async () => {
    const root = await http('GET', '/');
    assert.equal(root.status, 200, `GET ${NODE_URL}/ answered ${root.status}: ${root.text.slice(0, 300)}`);
    const passphrase = root.json?.network_passphrase;
    assert.equal(typeof passphrase, 'string', 'GET / has no network_passphrase');
    return {
      passphrase,
      rootDocument: root.json,
      root: Keypair.fromRawEd25519Seed(hash(Buffer.from(passphrase))),
    };
  })();
  return networkPromise;
}

/** An amount as the API shows it ("12.3400000") in smallest units; refuses any other form. */
export function units(amount) {
  assert.equal(typeof amount, 'string', `amount ${amount} is not a string`);
  assert.match(amount, /^\d+\.\d{7}$/, `amount ${amount} is not shown with exactly 7 decimals`);
  return BigInt(amount.replace('.', ''));
}

/** The native balance of a loaded account, in smallest units. */
export function nativeBalance(account) {
  const native = account.balances.filter((b) => b.asset_type === 'native');
  assert.equal(native.length, 1, `${account.id} has ${native.length} native balances`);
  return units(native[0].balance);
}

export async function balanceOf(keypair) {
  return nativeBalance(await server.loadAccount(keypair.publicKey()));
}

/**
 * A signed transaction of `operations` from `source`, at the base fee per operation. The source's sequence
 * number comes from `sourceAccount` if given (an SDK Account), else from the node.
 */
export async function transaction(source, operations, { sourceAccount, signers = [source] } = {}) {
  const { passphrase } = await network();
  const account = sourceAccount ?? await server.loadAccount(source.publicKey());
  const builder = new TransactionBuilder(account, { fee: BASE_FEE.toString(), networkPassphrase: passphrase })
    .setTimeout(TX_TIMEOUT_S);
  for (const operation of operations) {
    builder.addOperation(operation);
  }
  const tx = builder.build();
  for (const signer of signers) {
    tx.sign(signer);
  }
  return tx;
}

/** Submits as wallets do (with the SDK's memo-required check); a refusal becomes a readable error. */
export async function submit(tx) {
  try {
    return await server.submitTransaction(tx);
  } catch (error) {
    throw readable(error, 'submission failed');
  }
}

/** Builds and submits `operations` from the root account, trying again while other clients hold it up. */
export async function submitFromRoot(operations) {
  const { root } = await network();
  for (let attempt = 1; ; attempt++) {
    const tx = await transaction(root, operations);
    try {
      return await server.submitTransaction(tx);
    } catch (error) {
      const staleSequence = resultCodes(error)?.transaction === 'tx_bad_seq';
      const busy = error?.response?.status === 503
        && error.response.data?.type === 'https://stellar.org/horizon-errors/try_again_later';
      if (!(staleSequence || busy) || attempt >= ROOT_SUBMISSION_TRIES_MAX) {
        throw readable(error, `submission from the root account failed (try ${attempt})`);
      }
      if (busy) {
        await sleep(ROOT_SUBMISSION_PAUSE_MS);
      }
    }
  }
}

/** New random accounts funded by the root account in one transaction, with the given starting balances. */
export async function fund(...startingBalances) {
  const keys = startingBalances.map(() => Keypair.random());
  const response = await submitFromRoot(keys.map((key, i) => Operation.createAccount({
    destination: key.publicKey(),
    startingBalance: startingBalances[i],
  })));
  assert.equal(response.successful, true);
  return { keys, response };
}

/** Submits a transaction that must be refused, and returns the SDK's error. */
export async function submitRefused(tx) {
  let accepted;
  try {
    accepted = await server.submitTransaction(tx);
  } catch (error) {
    return error;
  }
  return assert.fail(`the submission was expected to fail but succeeded in ledger ${accepted.ledger}: ${accepted.hash}`);
}

/** The result codes of a failed submission's error, if it has any. */
export function resultCodes(error) {
  return error?.response?.data?.extras?.result_codes;
}

/**
 * Checks a failed submission as the SDK reports it (an HTTP error whose response carries Horizon's problem):
 * 400 transaction_failed with the envelope echoed, the result codes, and a result_xdr that decodes to the same
 * transaction result code. Returns the decoded TransactionResult.
 */
export function assertTransactionFailed(error, tx, transactionCode, operationCodes) {
  assert.ok(error.response, `no HTTP response in ${error}`);
  assert.equal(error.response.status, 400, `HTTP status of the refusal: ${JSON.stringify(error.response.data)}`);
  assert.match(error.response.headers['content-type'] ?? '', /^application\/problem\+json/);
  const problem = error.response.data;
  assertProblemBody(problem, { status: 400, type: 'transaction_failed', title: 'Transaction Failed' });
  assert.equal(problem.extras.envelope_xdr, tx.toEnvelope().toXDR('base64'));
  assert.equal(problem.extras.result_codes.transaction, transactionCode);
  if (operationCodes === undefined) {
    assert.equal(problem.extras.result_codes.operations, undefined, 'no operation codes expected');
  } else {
    assert.deepEqual(problem.extras.result_codes.operations, operationCodes);
  }
  const result = xdr.TransactionResult.fromXDR(problem.extras.result_xdr, 'base64');
  assert.equal(camelToSnake(result.result().switch().name), transactionCode);
  return result;
}

/** The XDR enum names are camel case (txBadSeq); Horizon's codes are snake case (tx_bad_seq). */
function camelToSnake(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Checks the members every Horizon problem has: type (a Horizon error URL), title, status and detail. */
export function assertProblemBody(body, { status, type, title }) {
  assert.ok(body && typeof body === 'object', `problem body: ${JSON.stringify(body)}`);
  assert.equal(body.type, `https://stellar.org/horizon-errors/${type}`, `type of ${JSON.stringify(body)}`);
  assert.equal(body.title, title);
  assert.equal(body.status, status);
  assert.equal(typeof body.detail, 'string');
  assert.ok(body.detail.length > 0, 'empty detail');
}

/** Checks a raw HTTP answer is a Horizon problem: status, application/problem+json, and the body's members. */
export function assertProblem(answer, expected) {
  assert.equal(answer.status, expected.status, `HTTP status, body: ${answer.text.slice(0, 500)}`);
  assert.match(answer.contentType, /^application\/problem\+json/, `content type of ${answer.text.slice(0, 200)}`);
  assertProblemBody(answer.json, expected);
  return answer.json;
}

/** A raw request, for checking shapes the SDK hides: status, content type, text and parsed JSON (if any). */
export async function http(method, path, { body, headers } = {}) {
  let response;
  try {
    response = await fetch(NODE_URL + path, { method, body, headers, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`${method} ${NODE_URL}${path}: no answer (${error.cause?.message ?? error.message}); `
      + 'is the node running at CORRIDOR_URL?', { cause: error });
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, text, json };
}

/** POST /transactions with a raw form body, as any client could send it. */
export function postTransaction(formBody) {
  return http('POST', '/transactions', {
    body: formBody,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

/** Paging tokens of Horizon's history records are decimal numbers: compares them as such. */
export function token(record) {
  assert.match(record.paging_token, /^\d+$/, `paging token ${record.paging_token}`);
  return BigInt(record.paging_token);
}

export function assertAscending(records, what) {
  for (let i = 1; i < records.length; i++) {
    assert.ok(token(records[i - 1]) < token(records[i]),
      `${what}: paging tokens not ascending at ${i}: ${records[i - 1].paging_token}, ${records[i].paging_token}`);
  }
}

/** An SDK error as one readable line: HTTP status and Horizon's problem, instead of a dump of the request. */
export function readable(error, what) {
  const response = error?.response;
  if (response?.data !== undefined && response.status !== undefined) {
    const problem = response.data;
    const codes = problem?.extras?.result_codes;
    const summary = codes ? JSON.stringify(codes) : JSON.stringify(problem).slice(0, 500);
    return new Error(`${what}: HTTP ${response.status} ${summary}`, { cause: error });
  }
  return new Error(`${what}: ${error?.message ?? error}`, { cause: error });
}

export function sleep(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

/**
 * Opens an SDK stream (`builder.cursor(...).stream`) and keeps what it delivers: records (objects with a paging
 * token) with their arrival time, anything else the SDK handed to onmessage, and errors. `next` waits for a
 * record that satisfies a predicate. Call `close` when done.
 */
export function openStream(builder) {
  const records = [];
  const others = [];
  const errors = [];
  let waiters = [];
  const close = builder.stream({
    onmessage: (message) => {
      if (message && typeof message === 'object' && typeof message.paging_token === 'string') {
        const entry = { record: message, atMs: Date.now() };
        records.push(entry);
        for (const waiter of waiters.filter((w) => w.predicate(message))) {
          waiter.resolve(entry);
        }
      } else {
        others.push(message);
      }
    },
    onerror: (error) => {
      errors.push(error);
    },
  });
  return {
    records,
    others,
    errors,
    close,
    /** The first record (already received or to come within `timeoutMs`) that satisfies `predicate`. */
    next(predicate, timeoutMs, what) {
      const seen = records.find((entry) => predicate(entry.record));
      if (seen) {
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (entry) => {
            clearTimeout(timer);
            waiters = waiters.filter((w) => w !== waiter);
            resolve(entry);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`no ${what} within ${timeoutMs} ms; the stream delivered ${records.length} records, `
            + `${others.length} other messages, ${errors.length} errors`
            + (errors.length ? ` (last: ${errors.at(-1)?.message ?? JSON.stringify(errors.at(-1))})` : '')));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
  };
}
