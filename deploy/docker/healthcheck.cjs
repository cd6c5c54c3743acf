// Docker HEALTHCHECK for the distroless images, which have no shell and no curl.
// It asks /health/ready, not /health/live: docker-compose's `service_healthy` is used to start a
// dependant once this one can serve, which is readiness. Kubernetes uses both routes separately.
'use strict';
const port = process.env.PORT;
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
