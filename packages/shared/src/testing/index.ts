export { type ConvergenceNetwork, createConvergenceNetwork } from './convergence';
