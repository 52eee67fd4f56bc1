import { blueprint, type Column, type RoutineTemplate } from '../template';

const { area, column, text } = blueprint;

const COLUMNS: Column[] = [
  {
    label: 'I see…',
    hint: 'What do you notice? Only what is there.',
    stroke: '#0284c7',
    fill: '#e0f2fe',
  },
  { label: 'I think…', hint: 'What do you think is going on?', stroke: '#d97706', fill: '#fef3c7' },
  { label: 'I wonder…', hint: 'What questions does it raise?', stroke: '#7c3aed', fill: '#ede9fe' },
];

export const seeThinkWonder: RoutineTemplate = {
  id: 'see-think-wonder',
  title: 'See – Think – Wonder',
  summary: 'Look closely at a picture, then say what you see, think and wonder.',
  phases: [
    { name: 'See', instruction: 'Look closely. Write what you see.', seconds: 120 },
    { name: 'Think', instruction: 'What do you think is going on?', seconds: 120 },
    { name: 'Wonder', instruction: 'What does it make you wonder?', seconds: 120 },
  ],
  votesPerParticipant: null,
  prompt: { label: 'What are we looking at?', default: 'Look at the picture together' },
  content: (prompt) => [
    area(-1500, -560, 900, 1120, '#475569', '#f8fafc'),
    text(-1460, -520, 820, prompt, 56),
    text(
      -1460,
      380,
      820,
      'Put the picture here: use the picture button, or drop a photo.',
      32,
      '#64748b',
    ),
    ...COLUMNS.flatMap((c, i) => column(-520 + i * 700, -560, 660, 1120, c)),
  ],
};
