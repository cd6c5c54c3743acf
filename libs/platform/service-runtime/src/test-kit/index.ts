// Test kits of the service runtime, for specs only: a path of its own, so that no service's
// production code pulls in jest's globals or supertest through `@alongside/platform/service-runtime`.
export * from './describe-site-wall';
