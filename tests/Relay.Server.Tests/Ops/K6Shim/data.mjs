// Init-context stand-in for 'k6/data': runs the SharedArray callback once, as k6 does, and records its size.
export class SharedArray {
  constructor(name, callback) {
    if (typeof name !== 'string' || name === '') throw new Error('SharedArray needs a name');
    if (typeof callback !== 'function') throw new Error(`SharedArray ${name} needs a callback`);
    const data = callback();
    if (!Array.isArray(data)) throw new Error(`SharedArray ${name}: the callback must return an array`);
    // k6 stores the elements as JSON: anything that does not survive a round trip would differ in VUs.
    const copy = JSON.parse(JSON.stringify(data));
    globalThis.__k6.sharedArrays.push({ name, length: copy.length });
    return copy;
  }
}
