export { configFromEnv, type ServerConfig } from './config';
export { type RunningServer, startServer } from './server';
