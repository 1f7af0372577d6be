// Evaluates a k6 script's init context under Node with the shims, then checks what k6 checks before a run:
// scenarios name exported functions and carry the fields their executor needs, thresholds name defined (or
// built-in) metrics with aggregations their type supports, durations parse. Prints a JSON report.
//   node --import ./register.mjs runner.mjs <script.js>
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const script = resolve(process.argv[2]);
globalThis.__k6 = { metrics: [], sharedArrays: [], opened: [] };
globalThis.__ENV = Object.assign({}, process.env);
globalThis.open = function (path, mode) {
  // Relative paths resolve against the script, as k6 does for open() in the main script.
  const file = resolve(dirname(script), path);
  globalThis.__k6.opened.push(file);
  return mode === 'b' ? readFileSync(file).buffer : readFileSync(file, 'utf8');
};

const module = await import(pathToFileURL(script).href);
const problems = [];
const options = module.options ?? {};

// Metrics k6 itself emits for scripts that use k6/ws (k6 docs, "Built-in metrics").
const builtIn = {
  checks: 'rate', data_received: 'counter', data_sent: 'counter', dropped_iterations: 'counter',
  iteration_duration: 'trend', iterations: 'counter', vus: 'gauge', vus_max: 'gauge',
  ws_connecting: 'trend', ws_msgs_received: 'counter', ws_msgs_sent: 'counter', ws_ping: 'trend',
  ws_session_duration: 'trend', ws_sessions: 'counter',
};
const types = Object.assign({}, builtIn);
for (const metric of globalThis.__k6.metrics) types[metric.name] = metric.type;

const aggregations = {
  counter: /^(count|rate)$/,
  gauge: /^(value)$/,
  rate: /^(rate)$/,
  trend: /^(avg|min|max|med|p\(\d+(\.\d+)?\))$/,
};
for (const [key, expressions] of Object.entries(options.thresholds ?? {})) {
  const name = key.replace(/\{.*\}$/, '');
  const type = types[name];
  if (!type) {
    problems.push(`threshold on undefined metric ${name}`);
    continue;
  }
  for (const expression of expressions) {
    const source = typeof expression === 'string' ? expression : expression.threshold;
    const match = /^\s*([a-z]+(?:\(\d+(?:\.\d+)?\))?)\s*(<=|>=|===|==|!=|<|>)\s*-?\d+(\.\d+)?\s*$/.exec(source);
    if (!match) problems.push(`threshold ${key}: cannot parse "${source}"`);
    else if (!aggregations[type].test(match[1])) problems.push(`threshold ${key}: ${match[1]} does not apply to a ${type}`);
  }
}

const duration = /^(\d+(\.\d+)?(ms|s|m|h))+$/;
const required = {
  'per-vu-iterations': ['vus', 'iterations'],
  'shared-iterations': ['vus', 'iterations'],
  'constant-vus': ['vus', 'duration'],
  'ramping-vus': ['stages'],
  'constant-arrival-rate': ['rate', 'duration', 'preAllocatedVUs'],
  'ramping-arrival-rate': ['stages', 'preAllocatedVUs'],
};
const scenarios = options.scenarios ?? {};
if (Object.keys(scenarios).length === 0) problems.push('no scenarios');
for (const [name, scenario] of Object.entries(scenarios)) {
  const fields = required[scenario.executor];
  if (!fields) {
    problems.push(`scenario ${name}: unknown executor ${scenario.executor}`);
    continue;
  }
  for (const field of fields) if (scenario[field] === undefined) problems.push(`scenario ${name}: missing ${field}`);
  const exec = scenario.exec ?? 'default';
  if (typeof module[exec] !== 'function') problems.push(`scenario ${name}: exec ${exec} is not an exported function`);
  for (const field of ['duration', 'maxDuration', 'startTime', 'gracefulStop', 'gracefulRampDown']) {
    if (scenario[field] !== undefined && !duration.test(scenario[field])) problems.push(`scenario ${name}: ${field} "${scenario[field]}"`);
  }
  for (const stage of scenario.stages ?? []) {
    if (!duration.test(stage.duration)) problems.push(`scenario ${name}: stage duration "${stage.duration}"`);
  }
  for (const count of ['vus', 'iterations']) {
    if (scenario[count] !== undefined && !(Number.isInteger(scenario[count]) && scenario[count] > 0)) {
      problems.push(`scenario ${name}: ${count} ${scenario[count]}`);
    }
  }
}

console.log(JSON.stringify({
  problems,
  scenarios: Object.keys(scenarios),
  thresholds: Object.keys(options.thresholds ?? {}),
  metrics: globalThis.__k6.metrics,
  sharedArrays: globalThis.__k6.sharedArrays,
  opened: globalThis.__k6.opened,
}));
