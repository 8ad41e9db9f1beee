// Loads `statsig client-init` payloads into the official @statsig/js-client through its
// bootstrap path (dataAdapter.setData + initializeSync) and checks that every gate, dynamic
// config, experiment, layer parameter and parameter store parameter (getParameterStore) the
// client returns equals what `statsig evaluate` says for the same user, and that the client
// reports the values as coming from bootstrap.
//
// usage: node bootstrap_test.mjs --bin PATH/TO/statsig --conformance DIR [--per-set N]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import zlib from 'node:zlib';

import statsig from '@statsig/js-client';

const { StatsigClient, LogLevel } = statsig;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const BIN = arg('--bin');
const CONF = arg('--conformance');
const PER_SET = Number(arg('--per-set', '20'));
if (!BIN || !CONF) {
  console.error('usage: node bootstrap_test.mjs --bin STATSIG --conformance DIR [--per-set N]');
  process.exit(2);
}

// @statsig/js-client 3.x looks names up as given or djb2-hashed: sha256 payloads are for the
// older statsig-js client, so only djb2 and none are loaded here.
const HASHES = ['djb2', 'none'];

function hashName(name, algo) {
  if (algo === 'none') return name;
  if (algo === 'sha256') return createHash('sha256').update(name, 'utf8').digest('base64');
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
  return String(h);
}

/** The CLI's output lines, raw (the payload is handed to the client exactly as printed). */
function statsigCli(args) {
  return execFileSync(BIN, args, { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'statsig-js-'));
const failures = [];
const stats = {
  users: 0,
  gates: 0,
  configs: 0,
  experiments: 0,
  layerParams: 0,
  storeParams: 0,
  omitted: 0,
};

// A fallback of each param_type the client can tell from any real value.
const FALLBACKS = {
  string: '\u0000fallback',
  number: -1.5e300,
  boolean: null,
  array: ['\u0000fallback'],
  object: { '\u0000fallback': true },
};
const reasons = new Map();

function fail(where, msg) {
  if (failures.length < 50) failures.push(`${where}: ${msg}`);
  else failures.length++;
}

function checkReason(where, details) {
  const reason = details?.reason ?? '';
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  if (!reason.startsWith('Bootstrap') || !reason.endsWith(':Recognized')) {
    fail(where, `evaluation reason ${JSON.stringify(reason)} is not Bootstrap…:Recognized`);
  }
}

const sets = fs
  .readdirSync(CONF)
  .filter((d) => fs.existsSync(path.join(CONF, d, 'users.ndjson.gz')))
  .sort();
let hashTurn = 0;
for (const set of sets) {
  const dir = path.join(CONF, set);
  const users = zlib
    .gunzipSync(fs.readFileSync(path.join(dir, 'users.ndjson.gz')))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, PER_SET);
  const usersFile = path.join(tmp, `${set}.ndjson`);
  fs.writeFileSync(usersFile, users.join('\n') + '\n');
  const idLists = fs.existsSync(path.join(dir, 'id_lists.json'))
    ? ['--id-lists', path.join(dir, 'id_lists.json')]
    : [];
  for (const dcsName of ['dcs.json', 'dcs.v2.json']) {
    const dcs = path.join(dir, dcsName);
    if (!fs.existsSync(dcs)) continue;
    const hash = HASHES[hashTurn++ % HASHES.length];
    const common = ['--specs', dcs, ...idLists, '--users', usersFile];
    const evaluations = statsigCli(['evaluate', ...common, '--all']);
    const payloads = statsigCli(['client-init', ...common, '--hash', hash]);
    if (evaluations.length !== users.length || payloads.length !== users.length) {
      fail(`${set}/${dcsName}`, `expected ${users.length} lines from the CLI`);
      continue;
    }
    for (let i = 0; i < users.length; i++) {
      const where = `${set}/${dcsName} user ${i + 1} (${hash})`;
      const user = JSON.parse(users[i]);
      const payload = JSON.parse(payloads[i]);
      const expected = JSON.parse(evaluations[i]);
      stats.users++;
      const client = new StatsigClient('client-statsig-cli-test', user, {
        networkConfig: { preventAllNetworkTraffic: true },
        disableLogging: true,
        disableStorage: true,
        logLevel: LogLevel.None,
      });
      client.dataAdapter.setData(payloads[i]);
      client.initializeSync();

      const inPayload = (section, name) => hashName(name, hash) in (payload[section] ?? {});

      for (const [name, rec] of Object.entries(expected.gates)) {
        if (!inPayload('feature_gates', name)) {
          stats.omitted++;
          continue;
        }
        const gate = client.getFeatureGate(name);
        checkReason(`${where} gate ${name}`, gate.details);
        if (gate.value !== rec.value) fail(`${where} gate ${name}`, `value ${gate.value}, evaluate says ${rec.value}`);
        if (gate.ruleID !== rec.rule_id) fail(`${where} gate ${name}`, `rule ${gate.ruleID}, evaluate says ${rec.rule_id}`);
        if (client.checkGate(name) !== rec.value) fail(`${where} gate ${name}`, 'checkGate disagrees');
        stats.gates++;
      }

      for (const [name, rec] of Object.entries(expected.configs)) {
        if (!inPayload('dynamic_configs', name)) {
          stats.omitted++;
          continue;
        }
        const got = rec.is_experiment ? client.getExperiment(name) : client.getDynamicConfig(name);
        const label = `${where} ${rec.is_experiment ? 'experiment' : 'config'} ${name}`;
        checkReason(label, got.details);
        if (!isDeepStrictEqual(got.value, rec.value)) {
          fail(label, `value ${JSON.stringify(got.value)}, evaluate says ${JSON.stringify(rec.value)}`);
        }
        if (got.ruleID !== rec.rule_id) fail(label, `rule ${got.ruleID}, evaluate says ${rec.rule_id}`);
        if (rec.is_experiment && (got.groupName ?? null) !== rec.group_name) {
          fail(label, `group ${got.groupName}, evaluate says ${rec.group_name}`);
        }
        if (rec.is_experiment) stats.experiments++;
        else stats.configs++;
      }

      for (const [name, rec] of Object.entries(expected.layers)) {
        if (!inPayload('layer_configs', name)) {
          stats.omitted++;
          continue;
        }
        const layer = client.getLayer(name);
        const label = `${where} layer ${name}`;
        checkReason(label, layer.details);
        if (layer.ruleID !== rec.rule_id) fail(label, `rule ${layer.ruleID}, evaluate says ${rec.rule_id}`);
        if ((layer.groupName ?? null) !== rec.group_name) {
          fail(label, `group ${layer.groupName}, evaluate says ${rec.group_name}`);
        }
        for (const [param, value] of Object.entries(rec.value ?? {})) {
          const got = layer.get(param);
          if (!isDeepStrictEqual(got, value)) {
            fail(`${label}.${param}`, `${JSON.stringify(got)}, evaluate says ${JSON.stringify(value)}`);
          }
          stats.layerParams++;
        }
      }
      // Parameter stores: the client reads each parameter from the payload's param_stores
      // (evaluating gate, config, experiment and layer references on its own values); a
      // parameter `evaluate` answers null is one the server SDK would answer the fallback for.
      for (const [name, params] of Object.entries(expected.param_stores ?? {})) {
        if (!inPayload('param_stores', name)) {
          stats.omitted++;
          continue;
        }
        const store = client.getParameterStore(name);
        checkReason(`${where} param store ${name}`, store.details);
        for (const [param, value] of Object.entries(params)) {
          const spec = store.__configuration?.[param];
          if (!spec || !(spec.param_type in FALLBACKS)) {
            fail(`${where} param store ${name}.${param}`, 'missing from the client payload');
            continue;
          }
          const fallback = FALLBACKS[spec.param_type];
          const got = store.get(param, fallback);
          const want = value ?? fallback;
          if (!isDeepStrictEqual(got, want)) {
            fail(
              `${where} param store ${name}.${param}`,
              `${JSON.stringify(got)}, evaluate says ${JSON.stringify(value)}`,
            );
          }
          stats.storeParams++;
        }
      }
      client.shutdown();
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log(
  `js-client bootstrap: ${stats.users} users, ${stats.gates} gates, ${stats.configs} configs, ` +
    `${stats.experiments} experiments, ${stats.layerParams} layer parameters, ` +
    `${stats.storeParams} parameter store parameters checked ` +
    `(${stats.omitted} entities not in payloads: segments, holdouts, dropped specs)`,
);
console.log(`reasons: ${JSON.stringify(Object.fromEntries(reasons))}`);
if (stats.users < 50) failures.push(`only ${stats.users} users checked (need at least 50)`);
if (stats.storeParams < 50) {
  failures.push(`only ${stats.storeParams} parameter store parameters checked (need at least 50)`);
}
if (failures.length > 0) {
  console.log(`FAILED: ${failures.length} problem(s)`);
  for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
  process.exit(1);
}
console.log('ok');
