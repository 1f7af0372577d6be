// Loaded with `node --import`: routes the k6/* modules to the shims in this folder (see hooks.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
