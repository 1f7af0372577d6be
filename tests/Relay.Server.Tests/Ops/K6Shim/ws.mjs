// Init-context stand-in for 'k6/ws': connecting is only valid while a VU runs.
export function connect() {
  throw new Error('ws.connect() called in the init context');
}
export default { connect };
