/** One group of a run: its name and its own board. */
export interface RunGroup {
  name: string;
  boardId: string;
}

/** A routine started for several groups at once: Group A, Group B, … each on its own board. */
export interface RoutineRun {
  id: string;
  templateId: string;
  title: string;
  prompt: string;
  createdAt: number;
  groups: RunGroup[];
}
