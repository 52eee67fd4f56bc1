export { type ConvergenceNetwork, createConvergenceNetwork } from './convergence';
export * from './pdf-text';
