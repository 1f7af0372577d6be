// Module resolution hooks: k6's built-in modules resolve to the shims next to this file; any other k6
// module is an error, so a script importing something the shim (and the README) does not cover is caught.
const shims = {
  'k6': 'k6.mjs',
  'k6/ws': 'ws.mjs',
  'k6/metrics': 'metrics.mjs',
  'k6/data': 'data.mjs',
  'k6/execution': 'execution.mjs',
};

export async function resolve(specifier, context, nextResolve) {
  if (Object.hasOwn(shims, specifier)) {
    return { url: new URL(shims[specifier], import.meta.url).href, shortCircuit: true };
  }
  if (specifier === 'k6' || specifier.startsWith('k6/')) {
    throw new Error(`unsupported k6 module ${specifier}`);
  }
  return nextResolve(specifier, context);
}
