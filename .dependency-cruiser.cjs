/** dependency-cruiser's configuration: Anju's layers (test/support/layers.cjs) over src/. */
const { rulesFor } = require('./test/support/layers.cjs');

module.exports = {
  forbidden: rulesFor('src'),
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.json'] },
  },
};
