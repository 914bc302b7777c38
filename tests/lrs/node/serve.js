#!/usr/bin/env node
// A real learning record store for the tests: Learning Locker's statement service (npm
// xapi-statements 5.0.1, pinned by package-lock.json), as its own dist/server.js starts it,
// but listening on 127.0.0.1 only (its server.js listens on every interface). Storage is in
// memory and nothing reaches another host: EVENTS_REPO=test AUTH_REPO=test (any credentials
// are one test client), MODELS_REPO=memory, STORAGE_REPO=local (attachments only, in the
// folder given). Prints "listening <port>" when ready; EXPRESS_PORT=0 picks a free port.
// Usage: node serve.js STORAGE_DIR
'use strict';
const path = require('path');

const storage = process.argv[2];
if (!storage) {
  console.error('usage: node serve.js STORAGE_DIR');
  process.exit(2);
}
Object.assign(process.env, {
  EVENTS_REPO: 'test', AUTH_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'local',
  FS_LOCAL_STORAGE_DIR: storage, EXPRESS_MORGAN_DIRECTORY: path.join(storage, 'access-logs'),
  WINSTON_CONSOLE_LEVEL: 'error',
});
process.env.EXPRESS_PORT = process.env.EXPRESS_PORT || '0';
process.chdir(storage);  // its config reads a .env from the working folder: there is none here

let dist;
try {
  dist = path.dirname(require.resolve('xapi-statements/dist/server.js', { paths: [__dirname] }));
} catch (e) {
  console.log('SKIPPED: xapi-statements is not installed; run `bash .ci/setup` (npm ci in tests/lrs/node)');
  process.exit(77);
}
const express = require(require.resolve('express', { paths: [dist] }));
const config = require(path.join(dist, 'config')).default;
const constants = require(path.join(dist, 'utils/constants'));
const presenter = require(path.join(dist, 'expressPresenter')).default({
  llClientInfoEndpoint: config.llClientInfoEndpoint,
  customRoute: config.express.customRoute,
  customRouteText: config.express.customRouteText,
  morganDirectory: config.express.morganDirectory,
  bodyParserLimit: config.express.bodyParserLimit,
  service: require(path.join(dist, 'serviceFactory')).default(),
  tracker: require(path.join(dist, 'tracker')).default,
  translator: require(path.join(dist, 'translatorFactory')).default(),
  logger: require(path.join(dist, 'logger')).default,
});
const app = express();
app.use(constants.aboutRoute, presenter.aboutRouter);
app.use(constants.fullActivitiesRoute, presenter.fullActivitiesRouter);
app.use(constants.statementsRoute, presenter.statementsRouter);
const server = app.listen(Number(config.express.port), '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
