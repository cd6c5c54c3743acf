// Runs TypeScript sources directly (swc, with decorator metadata and the tsconfig path aliases),
// so services, scripts and benchmarks start without a build step.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
process.env.SWC_NODE_IGNORE_DYNAMIC ??= 'true';
require('@swc-node/register');
