// Imported first by a test whose failures are logged by design (500s, 503s): the logger reads
// its level when it is created, so the level is set before any module creates it.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
