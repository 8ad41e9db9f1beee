// The README's SSR recipe, run: a `statsig client-init` payload made for exactly the user the
// browser will use loads into @statsig/js-client with the plain reason `Bootstrap`, not
// `BootstrapPartialUserMatch` or `BootstrapStableIDMismatch`. Mismatched users are checked
// too, so the test can tell the reasons apart.
//
// usage: node bootstrap_reason_test.mjs --bin PATH/TO/statsig --specs DCS.json
import { execFileSync } from 'node:child_process';

import statsig from '@statsig/js-client';

const { StatsigClient, LogLevel } = statsig;

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const BIN = arg('--bin');
const SPECS = arg('--specs');
if (!BIN || !SPECS) {
  console.error('usage: node bootstrap_reason_test.mjs --bin STATSIG --specs DCS.json');
  process.exit(2);
}

/** The README's server side: one payload for one user. */
function clientInit(user, extra = []) {
  return execFileSync(BIN, ['client-init', '--specs', SPECS, '--user', JSON.stringify(user), ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString('utf8');
}

let clients = 0;
/** The README's browser side: the payload handed to the client before initializeSync. */
function reasonFor(payload, user, environment) {
  return gateFor(payload, user, environment).details.reason;
}

function gateFor(payload, user, environment) {
  const client = new StatsigClient(`client-reason-test-${clients++}`, user, {
    networkConfig: { preventAllNetworkTraffic: true },
    disableLogging: true,
    disableStorage: true,
    logLevel: LogLevel.None,
    ...(environment ? { environment } : {}),
  });
  client.dataAdapter.setData(payload);
  client.initializeSync();
  const gate = client.getFeatureGate('new_checkout');
  client.shutdown();
  return gate;
}

const failures = [];
function expect(label, got, want) {
  if (got !== want) failures.push(`${label}: reason ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  else console.log(`ok ${label}: ${got}`);
}

// Exactly the user the browser uses, environment included: plain Bootstrap.
const environment = { tier: 'production' };
const users = [
  { userID: 'user-42', customIDs: { stableID: 'stable-42' } },
  {
    userID: 'user-7',
    email: 'dev@example.com',
    custom: { plan: 'pro', beta: true },
    customIDs: { stableID: 'stable-7', companyID: 'acme' },
  },
  // Private attributes are left out of the comparison on both sides.
  { userID: 'user-8', privateAttributes: { ssn: 'x' }, customIDs: { stableID: 'stable-8' } },
];
for (const user of users) {
  expect(
    `same user ${user.userID}`,
    reasonFor(clientInit({ ...user, statsigEnvironment: environment }), user, environment),
    'Bootstrap:Recognized',
  );
}
// Without statsigEnvironment, client-init echoes the payload's default environment
// (production in this fixture): the browser must name the same tier.
{
  const user = { userID: 'user-9', customIDs: { stableID: 'stable-9' } };
  expect('default environment named in the browser', reasonFor(clientInit(user), user, environment), 'Bootstrap:Recognized');
  expect(
    'default environment not named in the browser',
    reasonFor(clientInit(user), user),
    'BootstrapPartialUserMatch:Recognized',
  );
}
// The controls: what the README warns about.
{
  const user = { userID: 'user-10', customIDs: { stableID: 'stable-10' } };
  expect(
    'a field only in the browser',
    reasonFor(clientInit(user), { ...user, email: 'x@example.com' }, environment),
    'BootstrapPartialUserMatch:Recognized',
  );
  const noStable = { userID: 'user-11' };
  expect(
    'no stableID (the client makes its own)',
    reasonFor(clientInit(noStable), noStable, environment),
    'BootstrapStableIDMismatch:Recognized',
  );
}

// Local overrides from flags reach the payload with --include-local-overrides, and the client
// reads them like any other value.
{
  const user = { userID: 'user-12', email: 'dev@example.com', customIDs: { stableID: 'stable-12' } };
  const plain = gateFor(clientInit(user), user, environment);
  expect('employee without override: value', String(plain.value), 'true');
  const overridden = gateFor(
    clientInit(user, ['--override-gate', 'new_checkout@user-12=false', '--include-local-overrides']),
    user,
    environment,
  );
  expect('override: value', String(overridden.value), 'false');
  expect('override: rule', overridden.ruleID, 'override');
  expect('override: reason', overridden.details.reason, 'Bootstrap:Recognized');
}

if (failures.length > 0) {
  console.log(`FAILED: ${failures.length}`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log('ok');
