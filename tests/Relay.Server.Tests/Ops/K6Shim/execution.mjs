// Init-context stand-in for 'k6/execution': like k6, reading VU or scenario state in the init context throws.
function unavailable(what) {
  return new Proxy({}, {
    get(_, property) {
      throw new Error(`k6/execution ${what}.${String(property)} read in the init context`);
    },
  });
}

export default {
  vu: unavailable('vu'),
  scenario: unavailable('scenario'),
  instance: unavailable('instance'),
  test: unavailable('test'),
};
