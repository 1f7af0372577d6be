// Init-context stand-in for 'k6/metrics': records every custom metric a script defines, with its type.
// k6 names must be at most 128 characters; Prometheus-friendly names ([a-zA-Z_][a-zA-Z0-9_]*) are required
// here because the results go to Prometheus through the remote-write output.
const defined = globalThis.__k6.metrics;

class Metric {
  constructor(type, name, isTime) {
    if (typeof name !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/.test(name)) {
      throw new Error(`invalid metric name ${JSON.stringify(name)}`);
    }
    const existing = defined.find((m) => m.name === name);
    if (existing && existing.type !== type) {
      throw new Error(`metric ${name} defined as ${existing.type} and ${type}`);
    }
    if (!existing) defined.push({ name, type, isTime: Boolean(isTime) });
    this.name = name;
  }

  add() {
    throw new Error(`${this.name}.add() called in the init context`);
  }
}

export class Counter extends Metric {
  constructor(name, isTime) { super('counter', name, isTime); }
}
export class Gauge extends Metric {
  constructor(name, isTime) { super('gauge', name, isTime); }
}
export class Rate extends Metric {
  constructor(name, isTime) { super('rate', name, isTime); }
}
export class Trend extends Metric {
  constructor(name, isTime) { super('trend', name, isTime); }
}
