import { blueprint, type RoutineTemplate } from '../template';

const { area, note, text } = blueprint;

const PROMPTS = [
  { text: 'Describe its characteristics', color: '#fde68a' },
  { text: 'What are its superpowers?', color: '#bbf7d0' },
  { text: 'Who does it help, and how?', color: '#bae6fd' },
];

export const groupDesignTask: RoutineTemplate = {
  id: 'group-design-task',
  title: 'Group design task',
  summary: 'A design brief with prompt boxes and a big drawing area.',
  phases: [
    { name: 'Plan', instruction: 'Answer the prompts together.', seconds: 300 },
    { name: 'Draw', instruction: 'Draw your design in the big box.', seconds: 600 },
    { name: 'Present', instruction: 'Show your design to the class.', seconds: null },
  ],
  votesPerParticipant: null,
  prompt: { label: 'The task', default: 'Create a Super Digital Superhero' },
  content: (prompt) => [
    text(-1500, -820, 3000, prompt, 112, '#7c2d12'),
    ...PROMPTS.map((box, i) => note(-1500, -540 + i * 380, box.text, box.color)),
    area(-1100, -540, 2600, 1100, '#ea580c', '#fff7ed'),
    text(-1060, -500, 2500, 'Draw it here', 56, '#c2410c'),
  ],
};
