import { blueprint, type Column, type RoutineTemplate } from '../template';

const { column, text } = blueprint;

const STEPS: Column[] = [
  { label: 'Think', hint: 'On your own, quietly.', stroke: '#0f766e', fill: '#ccfbf1' },
  { label: 'Pair', hint: 'Talk it over with a partner.', stroke: '#c2410c', fill: '#ffedd5' },
  { label: 'Share', hint: 'Tell the group what you found.', stroke: '#be185d', fill: '#fce7f3' },
];

export const thinkPairShare: RoutineTemplate = {
  id: 'think-pair-share',
  title: 'Think – Pair – Share',
  summary: 'Think alone, talk it over in pairs, then share with the group.',
  phases: [
    { name: 'Think', instruction: 'Think on your own. No talking yet.', seconds: 90 },
    { name: 'Pair', instruction: 'Turn to a partner and talk it over.', seconds: 120 },
    { name: 'Share', instruction: 'Share your ideas with the whole group.', seconds: null },
  ],
  votesPerParticipant: null,
  prompt: { label: 'The question', default: 'Why do leaves change colour in autumn?' },
  content: (prompt) => [
    text(-1500, -760, 3000, prompt, 96),
    ...STEPS.flatMap((step, i) => column(-1500 + i * 1020, -520, 960, 1080, step)),
  ],
};
