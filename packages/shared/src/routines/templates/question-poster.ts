import { blueprint, type RoutineTemplate } from '../template';

const { area, text } = blueprint;

export const questionPoster: RoutineTemplate = {
  id: 'question-poster',
  title: 'Question poster',
  summary: 'One big question: everyone answers with notes, then votes with dots.',
  phases: [
    { name: 'Answer', instruction: 'Add a sticky note with your answer.', seconds: 180 },
    {
      name: 'Vote',
      instruction: 'Tap the dot on the answers you agree with.',
      seconds: 120,
      votes: true,
    },
    { name: 'Talk', instruction: 'Which answers won? Why?', seconds: null },
  ],
  votesPerParticipant: 3,
  prompt: { label: 'The question', default: 'My preferred social media platform is…' },
  content: (prompt) => [
    text(-1500, -800, 3000, prompt, 128, '#1e3a8a'),
    area(-1500, -480, 3000, 1160, '#2563eb', '#eff6ff'),
    text(-1460, -440, 2900, 'Answers go here. Then everyone gets 3 dots to vote.', 36, '#475569'),
  ],
};
