export {
  boardsDiffer,
  type ConvergenceNetwork,
  createConvergenceNetwork,
  randomBoardEdit,
} from './convergence';
export * from './pdf-text';
export { boxToRect, rectsApart } from './rects';
export { testSeeds } from './seed';
export type { RoundtableTestHook, SceneDrawStats } from './test-hook';
