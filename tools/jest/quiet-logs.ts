// Services under test log nothing unless asked (LOG_LEVEL=info npm test): thousands of request
// lines would bury the one failure a reader is looking for.
process.env.LOG_LEVEL ??= 'silent';
