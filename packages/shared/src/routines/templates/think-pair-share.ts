import type { Locale } from '../../i18n/locales';
import { blueprint, type Column, type RoutineTemplate } from '../template';

const { column, text } = blueprint;

/** The template's words in each language: each step's name, its hint and its instruction. */
const WORDS: Record<
  Locale,
  {
    title: string;
    summary: string;
    steps: [name: string, hint: string, instruction: string][];
    prompt: [label: string, fallback: string];
  }
> = {
  en: {
    title: 'Think – Pair – Share',
    summary: 'Think alone, talk it over in pairs, then share with the group.',
    steps: [
      ['Think', 'On your own, quietly.', 'Think on your own. No talking yet.'],
      ['Pair', 'Talk it over with a partner.', 'Turn to a partner and talk it over.'],
      ['Share', 'Tell the group what you found.', 'Share your ideas with the whole group.'],
    ],
    prompt: ['The question', 'Why do leaves change colour in autumn?'],
  },
  es: {
    title: 'Pensar – Compartir en pareja – Compartir',
    summary: 'Pensad solos, hablad en parejas y luego compartid con el grupo.',
    steps: [
      ['Pensar', 'Solo, en silencio.', 'Piensa por tu cuenta. Todavía sin hablar.'],
      ['En pareja', 'Coméntalo con un compañero.', 'Gírate hacia un compañero y comentadlo.'],
      [
        'Compartir',
        'Cuenta al grupo lo que encontrasteis.',
        'Comparte tus ideas con todo el grupo.',
      ],
    ],
    prompt: ['La pregunta', '¿Por qué cambian de color las hojas en otoño?'],
  },
  fr: {
    title: 'Réfléchir – Échanger – Partager',
    summary: 'Réfléchir seul, en parler à deux, puis partager avec le groupe.',
    steps: [
      ['Réfléchir', 'Seul, en silence.', 'Réfléchis seul. Pas encore de discussion.'],
      ['À deux', 'Parles-en avec un camarade.', 'Tourne-toi vers un camarade et parlez-en.'],
      [
        'Partager',
        'Dis au groupe ce que vous avez trouvé.',
        'Partage tes idées avec tout le groupe.',
      ],
    ],
    prompt: ['La question', 'Pourquoi les feuilles changent-elles de couleur en automne ?'],
  },
  ar: {
    title: 'فكّر – ناقش – شارك',
    summary: 'فكّروا بمفردكم، ثم تناقشوا في أزواج، ثم شاركوا المجموعة.',
    steps: [
      ['فكّر', 'بمفردك وبهدوء.', 'فكّر بمفردك. لا كلام بعد.'],
      ['ناقش', 'تناقش مع زميلك.', 'التفت إلى زميلك وتناقشا.'],
      ['شارك', 'أخبر المجموعة بما وجدتم.', 'شارك أفكارك مع المجموعة كلها.'],
    ],
    prompt: ['السؤال', 'لماذا تتغير ألوان أوراق الشجر في الخريف؟'],
  },
};

const COLOURS: Pick<Column, 'stroke' | 'fill'>[] = [
  { stroke: '#0f766e', fill: '#ccfbf1' },
  { stroke: '#c2410c', fill: '#ffedd5' },
  { stroke: '#be185d', fill: '#fce7f3' },
];
const SECONDS = [90, 120, null];

export function thinkPairShare(locale: Locale): RoutineTemplate {
  const words = WORDS[locale];
  return {
    id: 'think-pair-share',
    title: words.title,
    summary: words.summary,
    phases: words.steps.map(([name, , instruction], i) => ({
      name,
      instruction,
      seconds: SECONDS[i] ?? null,
    })),
    votesPerParticipant: null,
    prompt: { label: words.prompt[0], default: words.prompt[1] },
    content: (prompt) => [
      text(-1500, -760, 3000, prompt, 96),
      ...words.steps.flatMap(([label, hint], i) =>
        column(-1500 + i * 1020, -520, 960, 1080, { label, hint, ...COLOURS[i]! }),
      ),
    ],
  };
}
