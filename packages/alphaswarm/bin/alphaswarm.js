#!/usr/bin/env node
// Launcher of the `alphaswarm` command: loads the built CLI (dist/cli.js). It is a
// file of its own so that npm can link the command at install time, before the build.
import('../dist/cli.js').catch((error) => {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js');
  process.stderr.write(missing ? 'alphaswarm: the package is not built yet; run `npm run build`\n' : `alphaswarm: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
