import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const DYNAMODB_REQUEST_FIELDS =
  '/^(TableName|Key|Item|TransactItems|UpdateExpression|ConditionExpression|KeyConditionExpression|FilterExpression|ProjectionExpression|ExpressionAttributeNames|ExpressionAttributeValues|PK|SK|GSI\\d+(PK|SK))$/';
const DYNAMODB_EXPRESSION =
  '/(^|\\s)(SET|ADD|REMOVE|DELETE)\\s+[#:]|attribute_(not_)?exists|attribute_type|if_not_exists|list_append|begins_with\\s*\\(/';
/** `CAND#`, `CNT#…`: the prefix of a partition or sort key. */
const KEY_PREFIX = '/^[A-Z][A-Z0-9_]*#/';
/**
 * `import { z } from 'zod'` binds zod's namespace object, which esbuild cannot tree-shake: every
 * locale and the JSON-schema converter land in every bundle (~450 KB). `import * as z` keeps only
 * what a function uses (docs/architecture.md, "Bundles").
 */
const ZOD_NAMESPACE_IMPORT = {
  selector:
    "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type'], ImportDeclaration[source.value='zod'][importKind!='type'] > ImportDefaultSpecifier",
  message: "import * as z from 'zod': the namespace object drags all of zod into the bundle.",
};
const DOMAIN_RESTRICTIONS = [
  ZOD_NAMESPACE_IMPORT,
  {
    selector: `Property[key.name=${DYNAMODB_REQUEST_FIELDS}], TSPropertySignature[key.name=${DYNAMODB_REQUEST_FIELDS}]`,
    message: 'The domain builds no DynamoDB requests or keys: move this to functions/adapters.',
  },
  {
    selector: `Literal[value=${DYNAMODB_EXPRESSION}], TemplateElement[value.raw=${DYNAMODB_EXPRESSION}]`,
    message: 'The domain writes no DynamoDB expressions: move this to functions/adapters.',
  },
  {
    selector: `Literal[value=${KEY_PREFIX}], TemplateElement[value.raw=${KEY_PREFIX}]`,
    message: 'The domain builds no table keys: move this to functions/adapters (table-keys.ts).',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local-data/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A type-only import says so: it is erased, and never drags a module in at run time.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      'no-restricted-syntax': ['error', ZOD_NAMESPACE_IMPORT],
    },
  },
  {
    // The domain is pure (docs/architecture.md, "Layers"): the table layout and DynamoDB's
    // expression language live in functions/adapters, so the key layout is in one place.
    // The imports the domain may make are checked by dependency-cruiser (.dependency-cruiser.cjs).
    files: ['functions/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...DOMAIN_RESTRICTIONS],
    },
  },
);
