#!/usr/bin/env node
// `npm start`: the whole network on this machine (see tools/launcher/start.ts).
require('./register.cjs');
require('./launcher/start.ts');
