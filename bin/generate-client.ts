import { writeFileSync } from 'node:fs';
import { clientTypesSource, CLIENT_TYPES_PATH } from '../client/generate';

/**
 * Regenerates the typed client's types from the OpenAPI document (`npm run docs:client`);
 * `--stdout` prints them instead (the staleness test compares them with the committed file).
 */
async function main() {
  const source = await clientTypesSource();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(source);
    return;
  }
  writeFileSync(CLIENT_TYPES_PATH, source);
  console.log(`wrote ${CLIENT_TYPES_PATH}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
