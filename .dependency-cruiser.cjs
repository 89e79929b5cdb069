/**
 * The layers of docs/architecture.md ("Layers"), checked by `npm run lint`:
 * handlers → http → services → adapters → domain; the domain imports only itself (and zod).
 * No import cycles anywhere in the product code.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle ties modules that should be understood one at a time.',
      from: { path: '^(functions|lib|bin|bench|client)/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'The domain (functions/domain) imports only itself, zod and node:crypto (hashes and ' +
        'HMACs are computations): no adapters, services, HTTP, handlers, AWS SDK or I/O, ' +
        'not even their types.',
      from: { path: '^functions/domain/' },
      to: { pathNot: ['^functions/domain/', '^node_modules/zod/', '^crypto$'] },
    },
    {
      name: 'adapters-below-services',
      severity: 'error',
      comment: 'Adapters implement ports for services; they never call services, HTTP or handlers.',
      // aws-dependencies.ts (with aws-dependencies-with.ts) and aws-people.ts are the composition
      // root: they build the services' Dependencies.
      from: {
        path: '^functions/adapters/',
        pathNot: '^functions/adapters/aws-(dependencies|dependencies-with|people)\\.ts$',
      },
      to: { path: '^functions/(services|http|api|workflow|ops)/' },
    },
    {
      name: 'services-below-http',
      severity: 'error',
      comment: 'Services are use cases, reachable from HTTP, workflow and ops handlers alike.',
      from: { path: '^functions/services/' },
      to: { path: '^functions/(http|api|workflow|ops)/' },
    },
    {
      name: 'nothing-imports-handlers',
      severity: 'error',
      comment: 'A handler is an entry point of one Lambda function.',
      from: { path: '^functions/', pathNot: '^functions/(api|workflow|ops)/' },
      to: { path: '^functions/(api|workflow|ops)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|cdk\\.out|\\.local-data|test-artifacts)' },
  },
};
