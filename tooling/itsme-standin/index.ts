export { startStandin } from './start';
export type { RunningStandin, StandinOptions } from './start';
export { STANDIN_TAMPER_MODES } from './tamper';
export type { StandinTamper } from './tamper';
export type { StandinPerson } from './persons';
