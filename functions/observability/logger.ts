import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per container. Callers log ids, stages and codes only: names, birth
 * dates and ID numbers never go to logs.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'admission',
});
