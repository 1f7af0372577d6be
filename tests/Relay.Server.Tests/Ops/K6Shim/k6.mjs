// Init-context stand-in for the 'k6' module: these functions are only valid while a VU runs.
function vuOnly(name) {
  return function () {
    throw new Error(`${name}() called in the init context`);
  };
}

export const check = vuOnly('check');
export const sleep = vuOnly('sleep');
export const group = vuOnly('group');
export function fail(message) {
  throw new Error(`fail() called in the init context: ${message}`);
}
export default { check, sleep, group, fail };
